package org.grassroots.contracts;

import java.time.Instant;

/**
 * The checks every event record makes on what it carries, written once for all topics' records;
 * each names the field it refuses, so a producer's mistake reads as plainly as a 400.
 */
public final class EventChecks {

    private EventChecks() {
    }

    public static void text(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    public static void present(Object value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    /** The components every {@link IntegrationEvent} leads with: its subject, version, org path and time. */
    public static void envelope(String subject, String subjectName, long aggregateVersion, String orgPath,
            Instant occurredAt) {
        text(subject, subjectName);
        if (aggregateVersion < 1) {
            throw new IllegalArgumentException("aggregateVersion must be >= 1 but was " + aggregateVersion);
        }
        text(orgPath, "orgPath");
        present(occurredAt, "occurredAt");
    }
}
