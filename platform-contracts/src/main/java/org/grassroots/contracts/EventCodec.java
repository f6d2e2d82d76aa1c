package org.grassroots.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON codec for event payloads, used by every producer and consumer so that all of them
 * agree on the wire format the fixtures pin down. Immutable and thread-safe: share one instance.
 *
 * <p>Format: instants and durations as ISO-8601 strings, enums by name, null properties left out.
 * Unknown properties are ignored when reading, because contracts change only by adding: a consumer
 * built against an older version must still read a newer payload. A property missing from an
 * older payload reads as {@code null}, or the default value for a primitive.
 */
public final class EventCodec {

    private final JsonMapper mapper = JsonMapper.builder()
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(EnumFeature.WRITE_ENUMS_USING_TO_STRING)
            .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /** The JSON payload of an event. */
    public byte[] write(IntegrationEvent event) {
        if (event == null) {
            throw new IllegalArgumentException("event is required");
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JacksonException e) {
            throw new EventCodecException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a payload as the given record. Validation in the record's constructor applies, so a
     * payload without a required property fails here rather than deep inside a consumer.
     */
    public <T extends IntegrationEvent> T read(byte[] json, Class<T> eventClass) {
        if (json == null) {
            throw new IllegalArgumentException("json is required");
        }
        if (eventClass == null) {
            throw new IllegalArgumentException("eventClass is required");
        }
        try {
            return mapper.readValue(json, eventClass);
        } catch (JacksonException e) {
            throw new EventCodecException("cannot read " + eventClass.getSimpleName() + " from JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a payload of the given CloudEvents type.
     *
     * @throws IllegalArgumentException when the type is not in {@link EventCatalog}
     */
    public IntegrationEvent read(String type, byte[] json) {
        return read(json, EventCatalog.classOf(type));
    }
}
