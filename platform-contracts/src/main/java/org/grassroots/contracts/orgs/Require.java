package org.grassroots.contracts.orgs;

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

    /** The components every {@link OrgUnitEvent} leads with. */
    static void unitEvent(String code, long aggregateVersion, String orgPath, Instant occurredAt, OrgUnitFacts unit) {
        text(code, "code");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        present(occurredAt, "occurredAt");
        present(unit, "unit");
        if (!code.equals(unit.code())) {
            throw new IllegalArgumentException("unit " + unit.code() + " carried by an event about " + code);
        }
        if (!orgPath.equals(unit.path())) {
            throw new IllegalArgumentException("orgPath " + orgPath + " differs from the unit's path " + unit.path());
        }
    }
}
