package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.grassroots.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * Department systems outside the cluster read case-events (issue 18): in prod, through an external listener
 * with TLS and SCRAM, each as a KafkaUser that may read case-events and nothing else. The department systems
 * are the realm's clients that carry a department_id claim, so a department added to the realm without its
 * KafkaUser fails here.
 */
class DepartmentSystemsTest {

    /** Operations that change a topic or what is on it. None may be granted to a department on a platform topic. */
    private static final Set<String> WRITING = Set.of("Write", "Create", "Delete", "Alter", "AlterConfigs",
            "IdempotentWrite", "All", "ClusterAction");

    static Stream<Overlays.Rendering> prod() {
        return Overlays.of("prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    @SuppressWarnings("unchecked")
    void givenProd_whenAnOutsideSystemConnects_thenAnExternalListenerAsksForTlsAndScramAndTheBrokerEnforcesAcls(
            Overlays.Rendering rendering) {
        GenericKubernetesResource kafka = rendering.manifests().custom("Kafka", "grassroots");
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) Manifests.value(kafka, "spec", "kafka", "listeners");

        assertThat(listeners).filteredOn(listener -> !"internal".equals(listener.get("type"))).singleElement().satisfies(external -> {
            assertThat(external.get("type")).isIn("loadbalancer", "nodeport", "ingress", "route");
            assertThat(external.get("tls")).as("encrypted").isEqualTo(true);
            assertThat(((Map<String, Object>) external.get("authentication")).get("type")).as("authenticated")
                    .isIn("scram-sha-512", "tls");
        });
        assertThat(Manifests.value(kafka, "spec", "kafka", "authorization", "type")).as("ACLs enforced").isEqualTo("simple");
        assertThat((List<String>) Manifests.value(kafka, "spec", "kafka", "authorization", "superUsers"))
                .as("only the unauthenticated internal listener's principal; no KafkaUser is a super user")
                .containsExactly("ANONYMOUS");
        assertThat(Manifests.value(kafka, "spec", "entityOperator", "userOperator")).as("KafkaUsers are applied").isNotNull();
        assertThat(listeners).filteredOn(listener -> "internal".equals(listener.get("type"))).allSatisfy(internal ->
                assertThat((List<Object>) internal.get("networkPolicyPeers")).as("the ANONYMOUS listener is closed to outsiders")
                        .isNotEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    void givenTheRealmsDepartmentSystems_whenDeployed_thenEachIsAScramKafkaUserOfTheCluster(Overlays.Rendering rendering) {
        List<String> users = rendering.manifests().custom("KafkaUser").stream().map(user -> user.getMetadata().getName()).toList();

        assertThat(users).containsExactlyInAnyOrderElementsOf(departmentSystems());
        rendering.manifests().custom("KafkaUser").forEach(user -> {
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "grassroots");
            assertThat(Manifests.value(user, "spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat(Manifests.value(user, "spec", "authorization", "type")).isEqualTo("simple");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    @SuppressWarnings("unchecked")
    void givenADepartmentSystem_whenItsAclsAreRead_thenItMayReadCaseEventsUnderItsOwnGroupsAndNothingElse(Overlays.Rendering rendering) {
        for (GenericKubernetesResource user : rendering.manifests().custom("KafkaUser")) {
            String name = user.getMetadata().getName();
            List<String> grants = new ArrayList<>();
            for (Map<String, Object> acl : (List<Map<String, Object>>) Manifests.value(user, "spec", "authorization", "acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                assertThat(acl.getOrDefault("type", "allow")).as(name).isEqualTo("allow");
                for (Object operation : (List<Object>) acl.get("operations")) {
                    grants.add(resource.get("type") + " " + resource.get("name") + " " + resource.get("patternType") + " " + operation);
                }
            }
            assertThat(grants).as(name).containsExactlyInAnyOrder(
                    "topic case-events literal Read",
                    "topic case-events literal Describe",
                    "group " + name + " prefix Read");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    @SuppressWarnings("unchecked")
    void givenAnyKafkaUser_whenItsAclsAreRead_thenNoneMayWriteOrAlterAPlatformTopicOrItsDeadLetterTopic(Overlays.Rendering rendering) {
        List<String> platformTopics = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> platformTopics.add(Topics.deadLetter(topic)));

        for (GenericKubernetesResource user : rendering.manifests().custom("KafkaUser")) {
            for (Map<String, Object> acl : (List<Map<String, Object>>) Manifests.value(user, "spec", "authorization", "acls")) {
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                if ("deny".equals(acl.get("type"))) {
                    continue;
                }
                boolean coversAPlatformTopic = switch ((String) resource.get("type")) {
                    case "topic" -> platformTopics.stream().anyMatch(topic -> covers(resource, topic));
                    case "cluster" -> true;
                    default -> false;
                };
                if (coversAPlatformTopic) {
                    assertThat((List<String>) acl.get("operations")).as("%s on %s", user.getMetadata().getName(), resource)
                            .doesNotContainAnyElementsOf(WRITING);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenCaseEvents_whenOutsideSystemsRelyOnIt_thenItsRetentionIsSetAndTheIntegrationGuideStatesIt(Overlays.Rendering rendering)
            throws IOException {
        GenericKubernetesResource topic = rendering.manifests().custom("KafkaTopic").stream()
                .filter(t -> Topics.CASE_EVENTS.equals(Manifests.value(t, "spec", "topicName"))).findFirst().orElseThrow();
        Object retention = Manifests.value(topic, "spec", "config", "retention.ms");
        String guide = Files.readString(Repository.root().resolve("docs/department-integration.md"));

        assertThat(retention).as("set explicitly, not the broker's 7-day default").isNotNull();
        assertThat(guide).contains("retention.ms: " + retention);
    }

    /** The realm's clients that carry a hard-coded department_id claim: the department systems. */
    static List<String> departmentSystems() {
        List<String> systems = new ArrayList<>();
        for (JsonNode client : RealmImports.realmFile().get("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                if ("department_id".equals(mapper.path("config").path("claim.name").asText())) {
                    systems.add(client.get("clientId").asText());
                }
            }
        }
        assertThat(systems).as("the realm's department systems").isNotEmpty();
        return systems;
    }

    private static boolean covers(Map<String, Object> resource, String topic) {
        String name = (String) resource.get("name");
        return "*".equals(name) || ("prefix".equals(resource.get("patternType")) ? topic.startsWith(name) : topic.equals(name));
    }
}
