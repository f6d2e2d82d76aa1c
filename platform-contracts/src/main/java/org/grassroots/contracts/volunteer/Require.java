package org.grassroots.contracts.volunteer;

import java.time.Instant;

import org.grassroots.contracts.EventChecks;

/** The checks the records of this package share. */
final class Require {

    private Require() {
    }

    static void text(String value, String name) {
        EventChecks.text(value, name);
    }

    static void present(Object value, String name) {
        EventChecks.present(value, name);
    }

    /** The components every volunteer event leads with. */
    static void volunteerEvent(String subject, String subjectName, long aggregateVersion, String orgPath,
            Instant occurredAt) {
        EventChecks.envelope(subject, subjectName, aggregateVersion, orgPath, occurredAt);
    }
}
