package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.List;

/**
 * One entry of a household's history: what was done, by whom, when, why, and which fields changed —
 * field names only, never their values, so the history carries no personal data of its own.
 *
 * @param version  the household's version this change produced
 * @param personId the person concerned, for a change to one person
 */
public record HouseholdChange(long version, Kind kind, Instant at, String by, String reason, String personId,
        List<String> fields) {

    public enum Kind { REGISTERED, PERSON_ADDED, ADDRESS_CORRECTED, PERSON_CORRECTED, MOVED_OUT, REMOVED }

    public HouseholdChange {
        fields = fields == null ? List.of() : List.copyOf(fields);
    }
}
