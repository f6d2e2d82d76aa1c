package org.grassroots.gridservice.households;

import java.util.Set;

import org.grassroots.platform.crypto.FieldCipher;

/**
 * A person living in a household, as stored: the name, ID number and phone only encrypted, beside the
 * numbers' blind indexes for lookups. {@code name} is the plain name of a person stored before names were
 * encrypted (null for everyone since); {@link #nameOf} reads either.
 */
public record Person(String id, String name, String nameCipher, String relation, String idNumberCipher,
        String idNumberIndex, String phoneCipher, String phoneIndex, Set<ServiceTag> tags) {

    /** The person's name, whether stored encrypted or, from before, in plain. */
    public String nameOf(FieldCipher cipher) {
        return nameCipher != null ? cipher.decrypt(nameCipher) : name;
    }

    public Person {
        tags = tags == null ? Set.of() : Set.copyOf(tags);
    }
}
