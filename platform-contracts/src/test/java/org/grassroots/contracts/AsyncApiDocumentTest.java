package org.grassroots.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.asyncapi.v3._0_0.model.AsyncAPI;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/asyncapi.yaml describes every topic and event type for the people and tools outside the platform.
 * This keeps it true: every type in {@link EventCatalog} has its message on the channel of its topic (a new
 * type fails here until it is described), every contract fixture conforms to its payload schema and carries
 * no field the schema leaves out, the headers the producers write conform to the header schema, every
 * {@code $ref} resolves, and the document reads as the AsyncAPI 3.0 model of the asyncapi Java bindings.
 */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = repositoryRoot().resolve("docs/asyncapi.yaml");
    private static final JsonNode ASYNCAPI = read();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private static final EventCodec CODEC = new EventCodec();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    static Set<String> eventTypes() {
        return EventCatalog.types();
    }

    @Test
    void givenTheDocument_whenReadAsTheAsyncApiModel_thenItIsVersion3WithNoObjectOrFieldTheSpecificationLacks() throws IOException {
        // asyncapi-core's model refuses any field that is neither in the 3.0 specification nor an x- extension,
        // but inside maps (channels, messages, schemas, ...) it drops such an entry with a printed stack trace
        // rather than failing. So the model is written back and every value of the document must be in it.
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        AsyncAPI model = mapper.readValue(DOCUMENT.toFile(), AsyncAPI.class);
        JsonNode written = YAML.readTree(mapper.writeValueAsString(model));
        List<String> lost = new ArrayList<>();
        leaves(ASYNCAPI, "", path -> {
            if (written.at(path).isMissingNode()) {
                lost.add(path);
            }
        });

        assertThat(lost).as("parts of the document the AsyncAPI 3.0 model could not read").isEmpty();

        assertThat(model.getAsyncapi()).matches("3\\.0\\.\\d+");
        assertThat(model.getInfo().getTitle()).isNotBlank();
        assertThat(model.getInfo().getVersion()).isNotBlank();
        assertThat(model.getChannels()).isNotEmpty();
        assertThat(model.getOperations()).isNotEmpty();
        assertThat(model.getComponents().getMessages()).isNotEmpty();
        ASYNCAPI.get("channels").properties().forEach(channel ->
                assertThat(channel.getValue().path("address").asString()).as("channel %s", channel.getKey()).isNotBlank());
        ASYNCAPI.get("operations").properties().forEach(operation -> {
            assertThat(operation.getValue().path("action").asString()).as(operation.getKey()).isIn("send", "receive");
            String channel = operation.getValue().path("channel").path("$ref").asString();
            assertThat(channel).as(operation.getKey()).startsWith("#/channels/");
            operation.getValue().path("messages").forEach(message ->
                    assertThat(message.path("$ref").asString()).as("%s: a message of its own channel", operation.getKey())
                            .startsWith(channel + "/messages/"));
        });
    }

    @Test
    void givenEveryReference_whenResolvedInTheDocument_thenItPointsAtAnObject() {
        List<String> references = new ArrayList<>();
        collectReferences(ASYNCAPI, references);

        assertThat(references).isNotEmpty().allSatisfy(reference -> {
            assertThat(reference).as("a reference inside the document").startsWith("#/");
            assertThat(ASYNCAPI.at(reference.substring(1)).isMissingNode()).as(reference + " resolves").isFalse();
        });
    }

    @Test
    void givenThePlatformTopics_whenDescribed_thenEachAndItsDeadLetterTopicIsAChannel() {
        List<String> addresses = new ArrayList<>();
        ASYNCAPI.get("channels").forEach(channel -> addresses.add(channel.get("address").asString()));

        List<String> expected = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> expected.add(Topics.deadLetter(topic)));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenAnEventType_whenLookedUpInTheDocument_thenItHasOneMessageOnTheChannelOfItsTopic(String type) {
        String key = messageKey(type);
        JsonNode message = ASYNCAPI.at("/components/messages/" + key);
        String topic = EventCatalog.topicOf(EventCatalog.classOf(type));

        assertThat(message.path("headers").at("/allOf/1/properties/ce_type/const").asString())
                .as("the message's ce_type header is fixed to its type").isEqualTo(type);
        assertThat(message.path("payload").path("$ref").asString()).as("its payload schema").startsWith("#/components/schemas/");
        assertThat(channelOf(topic).path("messages").findValuesAsString("$ref"))
                .as("the channel of %s lists it", topic).contains("#/components/messages/" + key);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenTheFixture_whenValidatedAgainstThePayloadSchema_thenItConforms(String type) {
        JsonNode fixture = YAML.readTree(ContractFixtures.json(type));

        assertThat(payloadSchema(type, false).validate(fixture)).as("errors of %s", ContractFixtures.resourceOf(type)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenTheFixture_whenValidatedWithoutRoomForUndeclaredFields_thenTheSchemaDeclaresEveryFieldTheProducerWrites(String type) {
        // Fixtures hold every field their record writes (EventContractTest), so this fails when a field is
        // added to a record and its fixture but not to the payload schema.
        JsonNode fixture = YAML.readTree(ContractFixtures.json(type));

        assertThat(payloadSchema(type, true).validate(fixture)).as("fields of %s the schema lacks", ContractFixtures.resourceOf(type))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("eventTypes")
    void givenTheHeadersAProducerWrites_whenValidatedAgainstTheMessageHeaders_thenTheyConform(String type) {
        IntegrationEvent event = CODEC.read(type, ContractFixtures.json(type));
        String service = EventCatalog.topicOf(event.getClass()).replace("-events", "-service");
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        EventEnvelope.of(UUID.randomUUID().toString(), "/grassroots/" + service, event, "corr-7f3a").toHeaders().forEach(headers::put);

        assertThat(schema(ASYNCAPI.at("/components/messages/" + messageKey(type) + "/headers"), false).validate(headers)).isEmpty();
    }

    @Test
    void givenAPayloadWithoutARequiredFieldOrWithAnUndeclaredOne_whenValidated_thenTheSchemasSaySo() {
        String type = "org.grassroots.case.dispatched";
        ObjectNode withoutAssignee = (ObjectNode) YAML.readTree(ContractFixtures.json(type));
        withoutAssignee.remove("assignee");
        ObjectNode withAnExtraField = (ObjectNode) YAML.readTree(ContractFixtures.json(type));
        ((ObjectNode) withAnExtraField.get("facts")).put("reporterPhone", "13800000000");

        assertThat(payloadSchema(type, false).validate(withoutAssignee)).extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("assignee"));
        assertThat(payloadSchema(type, false).validate(withAnExtraField)).as("consumers tolerate new fields").isEmpty();
        assertThat(payloadSchema(type, true).validate(withAnExtraField)).extracting(Error::getMessage)
                .anySatisfy(message -> assertThat(message).contains("reporterPhone"));
    }

    /** The message's key in components/messages: the type after "org.grassroots.", in camel case. */
    private static String messageKey(String type) {
        String local = type.substring("org.grassroots.".length());
        StringBuilder key = new StringBuilder();
        boolean upper = false;
        for (char c : local.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                key.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        JsonNode message = ASYNCAPI.at("/components/messages/" + key);
        assertThat(message.isMissingNode()).as("docs/asyncapi.yaml has no message components/messages/%s for %s", key, type).isFalse();
        assertThat(message.path("name").asString()).as("components/messages/%s names its type", key).isEqualTo(type);
        return key.toString();
    }

    private static JsonNode channelOf(String topic) {
        for (JsonNode channel : ASYNCAPI.get("channels")) {
            if (topic.equals(channel.path("address").asString())) {
                return channel;
            }
        }
        throw new AssertionError("docs/asyncapi.yaml has no channel with address " + topic);
    }

    private static Schema payloadSchema(String type, boolean closed) {
        return schema(ASYNCAPI.at("/components/messages/" + messageKey(type) + "/payload"), closed);
    }

    /**
     * A schema of its own for one part of the document, carrying the document's components so that its
     * references resolve. Closed: every object schema with properties refuses properties it does not list.
     */
    private static Schema schema(JsonNode part, boolean closed) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("$schema", "http://json-schema.org/draft-07/schema#");
        root.putArray("allOf").add(part.deepCopy());
        JsonNode components = ASYNCAPI.get("components").deepCopy();
        if (closed) {
            close(components);
        }
        root.set("components", components);
        return SCHEMAS.getSchema(root);
    }

    private static void close(JsonNode node) {
        if (node instanceof ObjectNode object && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        for (JsonNode child : node) {
            close(child);
        }
    }

    private static void leaves(JsonNode node, String path, java.util.function.Consumer<String> each) {
        if (node.isObject() && !node.isEmpty()) {
            node.properties().forEach(field -> leaves(field.getValue(), path + "/" + field.getKey().replace("~", "~0").replace("/", "~1"), each));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "/" + i, each);
            }
        } else {
            each.accept(path);
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asString());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }

    private static JsonNode read() {
        try {
            return YAMLMapper.builder().build().readTree(Files.readString(DOCUMENT));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DOCUMENT, e);
        }
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("docs/asyncapi.yaml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/asyncapi.yaml above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
