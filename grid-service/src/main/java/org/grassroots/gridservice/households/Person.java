package org.grassroots.gridservice.households;

import java.util.Set;

/**
 * A person living in a household, as stored: the ID number and phone only encrypted, beside their
 * blind indexes for lookups.
 */
public record Person(String id, String name, String relation, String idNumberCipher, String idNumberIndex,
        String phoneCipher, String phoneIndex, Set<ServiceTag> tags) {

    public Person {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
