package org.grassroots.contracts.volunteer;

import java.time.Instant;

/** The checks the records of this package share. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** The components every volunteer event leads with. */
    static void volunteerEvent(String subject, String subjectName, long aggregateVersion, String orgPath,
            Instant occurredAt) {
        text(subject, subjectName);
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        present(occurredAt, "occurredAt");
    }
}
