package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;

/** Kafka, MongoDB, Keycloak and the way in, as every overlay renders them. */
class InfrastructureTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenTheContractTopics_whenDeployed_thenEachAndItsDeadLetterTopicIsReplicatedThreeTimesWithTwoInSync(Overlays.Rendering rendering) {
        Map<String, GenericKubernetesResource> topics = new HashMap<>();
        rendering.manifests().custom("KafkaTopic").forEach(topic -> topics.put((String) Manifests.value(topic, "spec", "topicName"), topic));
        List<String> expected = new ArrayList<>(Topics.ALL);
        Topics.ALL.forEach(topic -> expected.add(Topics.deadLetter(topic)));

        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        topics.forEach((name, topic) -> {
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", "grassroots");
            assertThat((Integer) Manifests.value(topic, "spec", "replicas")).as(name).isEqualTo(3);
            assertThat(Manifests.value(topic, "spec", "config", "min.insync.replicas")).as(name).isEqualTo(2);
            assertThat((Integer) Manifests.value(topic, "spec", "partitions")).as(name).isPositive();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenTheAutoscalers_whenTheyScaleOut_thenNoServiceHasMoreReplicasThanAnEventTopicHasPartitions(Overlays.Rendering rendering) {
        int fewestPartitions = rendering.manifests().custom("KafkaTopic").stream()
                .filter(topic -> Topics.ALL.contains((String) Manifests.value(topic, "spec", "topicName")))
                .mapToInt(topic -> (Integer) Manifests.value(topic, "spec", "partitions")).min().orElseThrow();

        for (String service : Repository.SERVICES) {
            assertThat(rendering.manifests().get(HorizontalPodAutoscaler.class, service).getSpec().getMaxReplicas())
                    .as("%s: a consumer beyond the partition count sits idle", service).isLessThanOrEqualTo(fewestPartitions);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    @SuppressWarnings("unchecked")
    void givenTheKafkaCluster_whenDeployed_thenItRunsKraftOnThreeNodesThatKeepTwoReplicasInSync(Overlays.Rendering rendering) {
        GenericKubernetesResource kafka = rendering.manifests().custom("Kafka", "grassroots");
        GenericKubernetesResource pool = rendering.manifests().custom("KafkaNodePool", "dual-role");

        assertThat(pool.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "grassroots");
        assertThat((Integer) Manifests.value(pool, "spec", "replicas")).isGreaterThanOrEqualTo(3);
        assertThat((List<Object>) Manifests.value(pool, "spec", "roles")).containsExactlyInAnyOrder("controller", "broker");
        assertThat(Manifests.value(kafka, "spec", "kafka", "config", "min.insync.replicas")).isEqualTo(2);
        assertThat(Manifests.value(kafka, "spec", "kafka", "config", "default.replication.factor")).isEqualTo(3);
        assertThat(Manifests.value(kafka, "spec", "kafka", "config", "auto.create.topics.enable")).isEqualTo(false);
        assertThat(Manifests.value(kafka, "spec", "entityOperator", "topicOperator")).as("KafkaTopic resources are applied").isNotNull();
        String bootstrap = rendering.manifests().get(ConfigMap.class, "grassroots-platform")
                .getData().get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:9092");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    @SuppressWarnings("unchecked")
    void givenMongoDb_whenDeployed_thenAThreeMemberReplicaSetGivesEachServiceAUserForItsOwnDatabase(Overlays.Rendering rendering) {
        GenericKubernetesResource mongo = rendering.manifests().custom("MongoDBCommunity", "grassroots-mongodb");

        assertThat((Integer) Manifests.value(mongo, "spec", "members")).isEqualTo(3);
        assertThat(Manifests.value(mongo, "spec", "type")).isEqualTo("ReplicaSet");
        List<Map<String, Object>> users = (List<Map<String, Object>>) Manifests.value(mongo, "spec", "users");
        for (String service : Repository.SERVICES) {
            Map<String, Object> user = users.stream().filter(u -> u.get("name").equals(service)).findFirst().orElseThrow();
            String database = ApplicationConfiguration.variables(service).get("MONGODB_DATABASE");
            assertThat((List<Object>) user.get("roles")).as(service).containsExactly(Map.of("name", "readWrite", "db", database));
            var uri = rendering.manifests().get(Deployment.class, service).getSpec().getTemplate().getSpec().getContainers().get(0)
                    .getEnv().stream().filter(env -> env.getName().equals("MONGODB_URI")).findFirst().orElseThrow();
            assertThat(uri.getValueFrom().getSecretKeyRef().getName()).isEqualTo(user.get("connectionStringSecretName"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenKeycloak_whenDeployed_thenTheIssuerTheServicesTrustIsKeycloaksPublicHostname(Overlays.Rendering rendering) {
        GenericKubernetesResource keycloak = rendering.manifests().custom("Keycloak", "keycloak");
        GenericKubernetesResource realm = rendering.manifests().custom("KeycloakRealmImport", "grassroots-realm");
        Map<String, String> platform = rendering.manifests().get(ConfigMap.class, "grassroots-platform").getData();

        assertThat(platform.get("KEYCLOAK_ISSUER_URI")).isEqualTo(Manifests.value(keycloak, "spec", "hostname", "hostname") + "/realms/grassroots");
        assertThat(platform.get("KEYCLOAK_JWK_SET_URI"))
                .isEqualTo("http://" + keycloak.getMetadata().getName() + "-service:8080/realms/grassroots/protocol/openid-connect/certs");
        assertThat(Manifests.value(realm, "spec", "keycloakCRName")).isEqualTo(keycloak.getMetadata().getName());
        assertThat(Manifests.value(realm, "spec", "realm", "realm")).isEqualTo("grassroots");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    @SuppressWarnings("unchecked")
    void givenTheRealm_whenItIssuesTokens_thenTheyCarryTheAudienceTheApplicationsRequire(Overlays.Rendering rendering) {
        GenericKubernetesResource realm = rendering.manifests().custom("KeycloakRealmImport", "grassroots-realm");
        String required = rendering.manifests().get(ConfigMap.class, "grassroots-platform").getData().get("KEYCLOAK_AUDIENCE");

        List<String> audiences = new ArrayList<>();
        for (Map<String, Object> scope : (List<Map<String, Object>>) Manifests.value(realm, "spec", "realm", "clientScopes")) {
            for (Map<String, Object> mapper : (List<Map<String, Object>>) scope.getOrDefault("protocolMappers", List.of())) {
                if ("oidc-audience-mapper".equals(mapper.get("protocolMapper"))) {
                    audiences.add((String) ((Map<String, Object>) mapper.get("config")).get("included.custom.audience"));
                }
            }
        }
        assertThat(required).isNotBlank();
        assertThat(audiences).as("audiences the realm's client scopes add").contains(required);
        assertThat((List<Map<String, Object>>) Manifests.value(realm, "spec", "realm", "clients")).allSatisfy(client ->
                assertThat((List<String>) client.get("defaultClientScopes")).as((String) client.get("clientId")).contains("grassroots-claims"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenTheIngress_whenRequestsArrive_thenOnlyApiPathsReachTheGatewayOverTls(Overlays.Rendering rendering) {
        Ingress ingress = rendering.manifests().get(Ingress.class, "gateway");
        String host = ingress.getSpec().getRules().get(0).getHost();

        assertThat(rendering.manifests().get(ConfigMap.class, "gateway-config").getData().get("GATEWAY_CORS_ORIGINS"))
                .as("the web front end's origin: the public host").isEqualTo("https://" + host);

        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isNotBlank();
            assertThat(tls.getHosts()).containsExactly(ingress.getSpec().getRules().get(0).getHost());
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule ->
                assertThat(rule.getHttp().getPaths()).allSatisfy(path -> {
                    assertThat(path.getPath()).startsWith("/api");
                    assertThat(path.getBackend().getService().getName()).isEqualTo("gateway");
                    assertThat(rendering.manifests().get(Service.class, "gateway").getSpec().getPorts())
                            .anySatisfy(port -> assertThat(port.getName()).isEqualTo(path.getBackend().getService().getPort().getName()));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    @SuppressWarnings("unchecked")
    void givenTheManifests_whenRendered_thenNoSecretIsCommittedOnlyReferenced(Overlays.Rendering rendering) {
        assertThat(rendering.manifests().all(Secret.class)).isEmpty();
        String everything = Yaml.write(rendering.manifests().objects());
        assertThat(RealmImports.developmentSecrets()).allSatisfy(secret -> assertThat(everything).doesNotContain(secret));
        assertThat((Map<String, Object>) Manifests.value(rendering.manifests().custom("KeycloakRealmImport", "grassroots-realm"), "spec", "placeholders"))
                .containsOnlyKeys(RealmImports.confidentialClients().stream().map(RealmImports::placeholder).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    @SuppressWarnings("unchecked")
    void givenTheSecretsTheManifestsReference_whenTheAdministratorReadsTheGuide_thenEachIsListedToCreate(Overlays.Rendering rendering)
            throws IOException {
        String guide = Files.readString(Repository.root().resolve("docs/deploy.md"));
        String toCreate = guide.substring(guide.indexOf("## 4. Create the Secrets"), guide.indexOf("## 5. Apply"));
        List<String> referenced = new ArrayList<>();
        for (Deployment deployment : rendering.manifests().all(Deployment.class)) {
            deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                    // The MongoDB operator writes the connection strings; the administrator creates the rest.
                    .filter(env -> !env.getValueFrom().getSecretKeyRef().getKey().equals("connectionString.standard"))
                    .forEach(env -> referenced.add(env.getValueFrom().getSecretKeyRef().getName()));
        }
        var placeholders = (Map<String, Map<String, Map<String, String>>>) Manifests.value(
                rendering.manifests().custom("KeycloakRealmImport", "grassroots-realm"), "spec", "placeholders");
        placeholders.values().forEach(placeholder -> referenced.add(placeholder.get("secret").get("name")));

        assertThat(referenced).contains("grid-service-field-keys", "org-service-field-keys")
                .allSatisfy(secret -> assertThat(toCreate).as("docs/deploy.md, section 4").contains("`" + secret + "`"));
    }
}
