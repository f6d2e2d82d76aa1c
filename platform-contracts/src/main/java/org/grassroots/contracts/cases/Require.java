package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/** The checks the records of this package share, so each states its rules in one line. */
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

    /** The components every {@link CaseEvent} leads with. */
    static void caseEvent(String caseId, long aggregateVersion, String orgPath, Instant occurredAt, CaseFacts facts) {
        text(caseId, "caseId");
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        present(occurredAt, "occurredAt");
        present(facts, "facts");
        if (!caseId.equals(facts.caseId())) {
            throw new IllegalArgumentException(
                    "facts describe case " + facts.caseId() + " but the event is about case " + caseId);
        }
    }

    /** Null reads as empty: a list property missing from an older payload means "none". */
    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
