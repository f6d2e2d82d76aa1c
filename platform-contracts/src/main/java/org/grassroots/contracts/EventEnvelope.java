package org.grassroots.contracts;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The CloudEvents attributes of one published event, carried in Kafka headers (binary content
 * mode) next to the JSON payload written by {@link EventCodec}.
 *
 * @param id            unique per event and stable across re-sends: consumers de-duplicate on it,
 *                      so the producer assigns it when the event is stored, not when it is sent
 * @param type          the event type from {@link EventCatalog}, e.g. {@code org.grassroots.case.dispatched}
 * @param source        the producing service as a URI reference, e.g. {@code /grassroots/case-service}
 * @param time          when the change happened
 * @param subject       the aggregate id, equal to the Kafka key
 * @param correlationId optional; ties together the events caused by one request
 */
public record EventEnvelope(String id, String type, String source, Instant time, String subject, String correlationId) {

    public EventEnvelope {
        requireText(id, "id");
        requireText(type, "type");
        requireText(source, "source");
        if (time == null) {
            throw new IllegalArgumentException("time is required");
        }
        requireText(subject, "subject");
        if (correlationId != null && correlationId.isBlank()) {
            correlationId = null;
        }
    }

    /**
     * The envelope for {@code event}: type from the catalog, time and subject from the event.
     *
     * @param id the event id already stored with the pending event (see {@link #id()})
     */
    public static EventEnvelope of(String id, String source, IntegrationEvent event, String correlationId) {
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
        return new EventEnvelope(id, EventCatalog.typeOf(event.getClass()), source, event.occurredAt(),
                event.subject(), correlationId);
    }

    /** The Kafka headers for this envelope; the correlation id header is left out when there is none. */
    public Map<String, String> toHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        headers.put(CloudEventHeaders.ID, id);
        headers.put(CloudEventHeaders.TYPE, type);
        headers.put(CloudEventHeaders.SOURCE, source);
        headers.put(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(CloudEventHeaders.SUBJECT, subject);
        headers.put(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.APPLICATION_JSON);
        if (correlationId != null) {
            headers.put(CloudEventHeaders.CORRELATION_ID, correlationId);
        }
        return Collections.unmodifiableMap(headers);
    }

    /**
     * Reads the envelope from Kafka headers. Headers other than the CloudEvents ones are ignored,
     * as is {@code content-type}: every payload on the platform is JSON.
     *
     * @throws IllegalArgumentException naming the header when a required one is missing or blank,
     *                                  the spec version is not 1.0, or the time is not ISO-8601
     */
    public static EventEnvelope fromHeaders(Map<String, String> headers) {
        if (headers == null) {
            throw new IllegalArgumentException("headers are required");
        }
        String specVersion = required(headers, CloudEventHeaders.SPEC_VERSION);
        if (!CloudEventHeaders.SPEC_VERSION_1_0.equals(specVersion)) {
            throw new IllegalArgumentException("unsupported CloudEvents header " + CloudEventHeaders.SPEC_VERSION
                    + "=" + specVersion + ", expected " + CloudEventHeaders.SPEC_VERSION_1_0);
        }
        return new EventEnvelope(
                required(headers, CloudEventHeaders.ID),
                required(headers, CloudEventHeaders.TYPE),
                required(headers, CloudEventHeaders.SOURCE),
                parseTime(required(headers, CloudEventHeaders.TIME)),
                required(headers, CloudEventHeaders.SUBJECT),
                headers.get(CloudEventHeaders.CORRELATION_ID));
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing CloudEvents header " + name);
        }
        return value;
    }

    // RFC 3339 allows any offset, not only Z, so read it as an offset date-time.
    private static Instant parseTime(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("CloudEvents header " + CloudEventHeaders.TIME
                    + " is not an ISO-8601 timestamp: " + value, e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
