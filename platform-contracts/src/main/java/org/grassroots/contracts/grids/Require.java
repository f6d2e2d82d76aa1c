package org.grassroots.contracts.grids;

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

    /** The components every event of this package leads with. */
    static void event(String subject, String subjectName, long aggregateVersion, String orgPath, Instant occurredAt) {
        text(subject, subjectName);
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        present(occurredAt, "occurredAt");
    }

    static void gridEvent(String code, long aggregateVersion, String orgPath, Instant occurredAt, GridFacts grid) {
        event(code, "code", aggregateVersion, orgPath, occurredAt);
        present(grid, "grid");
        if (!code.equals(grid.code())) {
            throw new IllegalArgumentException("grid " + grid.code() + " carried by an event about " + code);
        }
    }
}
