package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.grassroots.contracts.cases.CaseClosed;
import org.grassroots.contracts.cases.CaseEscalated;
import org.grassroots.contracts.cases.CaseReported;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void givenClosedCase_whenWritten_thenInstantsAndDurationsAreIso8601Strings() {
        JsonNode written = json.readTree(codec.write(ContractFixtures.event(CaseClosed.class)));

        assertThat(written.get("occurredAt").asString()).isEqualTo("2025-03-18T09:16:00Z");
        assertThat(written.get("handlingTime").asString()).isEqualTo("PT8H3M30S");
    }

    @Test
    void givenEscalatedCase_whenWritten_thenEnumsAreWrittenByName() {
        JsonNode written = json.readTree(codec.write(ContractFixtures.event(CaseEscalated.class)));

        assertThat(written.get("toLevel").asString()).isEqualTo("STREET");
        assertThat(written.get("facts").get("channel").asString()).isEqualTo("HOTLINE_12345");
    }

    @Test
    void givenAutomaticEscalationWithoutActor_whenWritten_thenTheNullFieldIsLeftOut() {
        CaseEscalated automatic = ContractFixtures.event(CaseEscalated.class);

        JsonNode written = json.readTree(codec.write(automatic));

        assertThat(automatic.escalatedBy()).isNull();
        assertThat(written.has("escalatedBy")).isFalse();
    }

    @Test
    void givenPayloadFromAnOlderProducer_whenAFieldAddedLaterIsMissing_thenItReadsAsNullOrDefault() {
        ObjectNode older = (ObjectNode) json.readTree(ContractFixtures.json("org.grassroots.case.escalated"));
        older.remove("reason");
        older.remove("automatic");

        CaseEscalated event = codec.read(json.writeValueAsBytes(older), CaseEscalated.class);

        assertThat(event.reason()).isNull();
        assertThat(event.automatic()).isFalse();
    }

    @Test
    void givenPayloadWithoutARequiredField_whenRead_thenCodecErrorNamesTheField() {
        ObjectNode broken = (ObjectNode) json.readTree(ContractFixtures.json("org.grassroots.case.reported"));
        broken.remove("orgPath");

        assertThatExceptionOfType(EventCodecException.class)
                .isThrownBy(() -> codec.read(json.writeValueAsBytes(broken), CaseReported.class))
                .withMessageContaining("orgPath");
    }

    @Test
    void givenMalformedJson_whenRead_thenCodecErrorNamesTheRecord() {
        byte[] truncated = "{\"caseId\": \"c7a0e2d4".getBytes(StandardCharsets.UTF_8);

        assertThatExceptionOfType(EventCodecException.class)
                .isThrownBy(() -> codec.read(truncated, CaseReported.class))
                .withMessageContaining("CaseReported");
    }

    @Test
    void givenTypeThisVersionDoesNotKnow_whenReadByType_thenRejectedNamingTheType() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> codec.read("org.grassroots.case.teleported", "{}".getBytes(StandardCharsets.UTF_8)))
                .withMessageContaining("org.grassroots.case.teleported");
    }

    @Test
    void givenClosedCase_whenWrittenAndReadBack_thenTheDurationSurvives() {
        CaseClosed closed = ContractFixtures.event(CaseClosed.class);

        CaseClosed again = codec.read(codec.write(closed), CaseClosed.class);

        assertThat(again.handlingTime()).isEqualTo(Duration.ofHours(8).plusMinutes(3).plusSeconds(30));
    }
}
