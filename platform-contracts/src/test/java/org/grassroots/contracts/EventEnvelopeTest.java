package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.grassroots.contracts.cases.CaseDispatched;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventEnvelopeTest {

    private static final EventEnvelope DISPATCHED = new EventEnvelope(
            "0f8e6c2a-1b3d-4e5f-8a9b-7c6d5e4f3a21",
            "org.grassroots.case.dispatched",
            "/grassroots/case-service",
            Instant.parse("2025-03-18T01:31:40Z"),
            "c7a0e2d4-5b1f-4c3e-9a6d-1f2e3b4c5d6a",
            "7b2c9e14-aa03-4f6d-9e51-2d8c0b7a6f39");

    @Test
    void givenEnvelope_whenWrittenToHeadersAndReadBack_thenItIsUnchanged() {
        Map<String, String> headers = DISPATCHED.toHeaders();

        assertThat(EventEnvelope.fromHeaders(headers)).isEqualTo(DISPATCHED);
    }

    @Test
    void givenEnvelope_whenWrittenToHeaders_thenTheCloudEventsKafkaBindingNamesAreUsed() {
        assertThat(DISPATCHED.toHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ce_specversion", "1.0",
                "ce_id", "0f8e6c2a-1b3d-4e5f-8a9b-7c6d5e4f3a21",
                "ce_type", "org.grassroots.case.dispatched",
                "ce_source", "/grassroots/case-service",
                "ce_time", "2025-03-18T01:31:40Z",
                "ce_subject", "c7a0e2d4-5b1f-4c3e-9a6d-1f2e3b4c5d6a",
                "content-type", "application/json",
                "ce_correlationid", "7b2c9e14-aa03-4f6d-9e51-2d8c0b7a6f39"));
    }

    @Test
    void givenEnvelopeWithoutCorrelationId_whenWrittenToHeaders_thenThatHeaderIsLeftOut() {
        EventEnvelope withoutCorrelation = new EventEnvelope(DISPATCHED.id(), DISPATCHED.type(),
                DISPATCHED.source(), DISPATCHED.time(), DISPATCHED.subject(), null);

        assertThat(withoutCorrelation.toHeaders()).doesNotContainKey(CloudEventHeaders.CORRELATION_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ce_id", "ce_type", "ce_source", "ce_time", "ce_subject", "ce_specversion"})
    void givenHeadersMissingARequiredAttribute_whenRead_thenErrorNamesTheHeader(String missing) {
        Map<String, String> headers = new HashMap<>(DISPATCHED.toHeaders());
        headers.remove(missing);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .withMessageContaining(missing);
    }

    @Test
    void givenHeadersWithAnotherSpecVersion_whenRead_thenRejected() {
        Map<String, String> headers = new HashMap<>(DISPATCHED.toHeaders());
        headers.put(CloudEventHeaders.SPEC_VERSION, "0.3");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .withMessageContaining("ce_specversion");
    }

    @Test
    void givenTimeWithBeijingOffset_whenRead_thenTheSameInstantIsMeant() {
        Map<String, String> headers = new HashMap<>(DISPATCHED.toHeaders());
        headers.put(CloudEventHeaders.TIME, "2025-03-18T09:31:40+08:00");

        assertThat(EventEnvelope.fromHeaders(headers).time()).isEqualTo(DISPATCHED.time());
    }

    @Test
    void givenTimeThatIsNotIso8601_whenRead_thenErrorNamesTheHeader() {
        Map<String, String> headers = new HashMap<>(DISPATCHED.toHeaders());
        headers.put(CloudEventHeaders.TIME, "2025/03/18 09:31");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> EventEnvelope.fromHeaders(headers))
                .withMessageContaining("ce_time");
    }

    @Test
    void givenCaseEvent_whenEnvelopeIsBuiltForIt_thenTypeTimeAndSubjectComeFromTheEvent() {
        CaseDispatched event = ContractFixtures.event(CaseDispatched.class);

        EventEnvelope envelope = EventEnvelope.of("0f8e6c2a-1b3d-4e5f-8a9b-7c6d5e4f3a21",
                "/grassroots/case-service", event, null);

        assertThat(envelope.type()).isEqualTo("org.grassroots.case.dispatched");
        assertThat(envelope.time()).isEqualTo(event.occurredAt());
        assertThat(envelope.subject()).isEqualTo(event.caseId());
    }
}
