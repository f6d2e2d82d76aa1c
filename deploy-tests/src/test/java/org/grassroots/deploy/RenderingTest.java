package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The overlays render, and every renderer renders them alike. Where kubectl is on the PATH its
 * {@code kubectl kustomize} is compared with {@link PlainKustomize}, document by document; where it is not,
 * only the plain renderer runs (and {@link PlainKustomizeTest} checks it on its own).
 */
class RenderingTest {

    static Stream<Arguments> renderers() {
        return Overlays.NAMES.stream().flatMap(overlay -> Overlays.renderers().keySet().stream()
                .map(renderer -> Arguments.of(overlay, renderer)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("renderers")
    void givenAnOverlay_whenRendered_thenItMatchesThePlainRenderingDocumentForDocument(String overlay, String renderer) {
        Map<String, ObjectNode> rendered = byIdentity(Overlays.documents(overlay, renderer));
        Map<String, ObjectNode> plain = byIdentity(Overlays.documents(overlay, "plain"));

        assertThat(rendered.keySet()).containsExactlyElementsOf(plain.keySet());
        rendered.forEach((identity, document) -> assertThat(document).as(identity).isEqualTo(plain.get(identity)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("renderers")
    void givenAnOverlay_whenRendered_thenEveryDocumentParsesIntoAKnownTypeWithoutUnknownFields(String overlay, String renderer) {
        Manifests manifests = Manifests.parse(Overlays.documents(overlay, renderer));

        assertThat(manifests.objects()).hasSizeGreaterThan(50);
        assertThat(manifests.objects()).extracting(object -> object.getKind()).contains(
                "Deployment", "Service", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler", "NetworkPolicy",
                "Ingress", "Kafka", "KafkaNodePool", "KafkaTopic", "MongoDBCommunity", "Keycloak", "KeycloakRealmImport");
    }

    @Test
    void givenAFieldAtTheWrongPlace_whenParsed_thenItIsReportedNotIgnored() {
        List<ObjectNode> documents = Yaml.documents("""
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: case-service
                spec:
                  selector:
                    matchLabels: {app: case-service}
                  template:
                    spec:
                      containers:
                        - name: case-service
                          image: grassroots/case-service:1.0.0
                          readinesProbe:
                            httpGet: {path: /actuator/health/readiness, port: http}
                """);

        assertThat(catchThrowable(() -> Manifests.parse(documents)))
                .hasMessageContaining("Deployment/case-service: unknown field")
                .hasMessageContaining("readinesProbe");
    }

    @Test
    void givenACustomResourceWithAKeyItsCrdLacks_whenParsed_thenItIsReported() {
        List<ObjectNode> documents = Yaml.documents("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata:
                  name: case-events
                spec:
                  partitions: 12
                  replicationFactor: 3
                """);

        assertThat(catchThrowable(() -> Manifests.parse(documents)))
                .hasMessageContaining("spec.replicationFactor is not in the KafkaTopic CRD");
    }

    private static Map<String, ObjectNode> byIdentity(List<ObjectNode> documents) {
        Map<String, ObjectNode> byIdentity = new TreeMap<>();
        for (ObjectNode document : documents) {
            String identity = document.path("apiVersion").asText() + " " + document.path("kind").asText() + " "
                    + document.path("metadata").path("namespace").asText() + "/" + document.path("metadata").path("name").asText();
            assertThat(byIdentity.put(identity, document)).as("one document per identity: " + identity).isNull();
        }
        return byIdentity;
    }
}
