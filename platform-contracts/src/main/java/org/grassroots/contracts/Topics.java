package org.grassroots.contracts;

import java.util.List;

/**
 * Kafka topic names: one topic per producing service, keyed by aggregate id so that the events
 * of one aggregate stay in order.
 */
public final class Topics {

    public static final String CASE_EVENTS = "case-events";
    public static final String GRID_EVENTS = "grid-events";
    public static final String ORG_EVENTS = "org-events";
    public static final String VOLUNTEER_EVENTS = "volunteer-events";
    public static final String EVALUATION_EVENTS = "evaluation-events";

    /** Every event topic, for creating them at start-up and in tests. Dead-letter topics are not listed. */
    public static final List<String> ALL =
            List.of(CASE_EVENTS, GRID_EVENTS, ORG_EVENTS, VOLUNTEER_EVENTS, EVALUATION_EVENTS);

    private static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /**
     * The topic where messages from {@code topic} are parked after their retries are used up.
     * The suffix matches Spring Kafka's {@code DeadLetterPublishingRecoverer} default, so the
     * recoverer needs no custom destination resolver.
     */
    public static String deadLetter(String topic) {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("topic is required");
        }
        return topic + DEAD_LETTER_SUFFIX;
    }
}
