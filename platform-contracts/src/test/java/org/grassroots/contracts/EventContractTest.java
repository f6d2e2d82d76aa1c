package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixtures are the contract: each event type must read from its fixture and write back the
 * same JSON, so renaming or removing a field fails here before it reaches a consumer.
 */
class EventContractTest {

    private final EventCodec codec = new EventCodec();
    // A plain mapper, independent of the codec, so the comparison does not share its settings.
    private final JsonMapper json = JsonMapper.builder().build();

    static Set<String> eventTypes() {
        return EventCatalog.types();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenRegisteredEventType_whenLookingForItsFixture_thenOneExists(String type) {
        assertThat(ContractFixtures.exists(type))
                .as("fixture %s", ContractFixtures.resourceOf(type))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenFixture_whenReadByType_thenItIsTheRegisteredRecordForThatType(String type) {
        IntegrationEvent event = codec.read(type, ContractFixtures.json(type));

        assertThat(event).isExactlyInstanceOf(EventCatalog.classOf(type));
        assertThat(event.subject()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenRecordReadFromFixture_whenWritten_thenJsonEqualsTheFixture(String type) {
        byte[] fixture = ContractFixtures.json(type);
        IntegrationEvent event = codec.read(type, fixture);

        byte[] written = codec.write(event);

        assertThat(json.readTree(written)).isEqualTo(json.readTree(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenFixtureWithFieldsAddedByANewerProducer_whenRead_thenUnknownFieldsAreIgnored(String type) {
        ObjectNode newer = (ObjectNode) json.readTree(ContractFixtures.json(type));
        newer.put("addedInALaterVersion", "ignored by older consumers");
        if (newer.get("facts") instanceof ObjectNode facts) {
            facts.putObject("addedToFactsLater").put("weather", "heavy rain");
        }

        IntegrationEvent event = codec.read(type, json.writeValueAsBytes(newer));

        assertThat(event).isEqualTo(codec.read(type, ContractFixtures.json(type)));
    }

    @Test
    void givenFixtureFiles_whenMatchedToTheCatalog_thenEachNamesARegisteredType() throws IOException, URISyntaxException {
        URL folder = getClass().getClassLoader().getResource("contracts");
        assertThat(folder).as("contracts folder on the test class path").isNotNull();

        List<String> fixtureTypes;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            fixtureTypes = files.map(file -> file.getFileName().toString())
                    .map(name -> name.replaceFirst("\\.json$", ""))
                    .toList();
        }

        assertThat(fixtureTypes).containsExactlyInAnyOrderElementsOf(EventCatalog.types());
    }
}
