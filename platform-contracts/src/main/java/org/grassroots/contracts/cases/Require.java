package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.EventChecks;

/** The checks the records of this package share, so each states its rules in one line. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        EventChecks.text(value, name);
    }

    static void present(Object value, String name) {
        EventChecks.present(value, name);
    }

    /** The components every {@link CaseEvent} leads with. */
    static void caseEvent(String caseId, long aggregateVersion, String orgPath, Instant occurredAt, CaseFacts facts) {
        EventChecks.envelope(caseId, "caseId", aggregateVersion, orgPath, occurredAt);
        present(facts, "facts");
        if (!caseId.equals(facts.caseId())) {
            throw new IllegalArgumentException(
                    "facts describe case " + facts.caseId() + " but the event is about case " + caseId);
        }
    }

    /** The components every {@link ConsultationEvent} leads with. */
    static void consultationEvent(String consultationId, long aggregateVersion, String orgPath, Instant occurredAt,
            String caseId) {
        EventChecks.envelope(consultationId, "consultationId", aggregateVersion, orgPath, occurredAt);
        text(caseId, "caseId");
    }

    /** Null reads as empty: a list property missing from an older payload means "none". */
    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
