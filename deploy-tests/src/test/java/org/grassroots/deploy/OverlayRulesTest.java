package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;

/** What distinguishes the overlays: dev runs one of everything, prod at least two, on different nodes. */
class OverlayRulesTest {

    static Stream<Overlays.Rendering> dev() {
        return Overlays.of("dev");
    }

    static Stream<Overlays.Rendering> prod() {
        return Overlays.of("prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev")
    void givenDev_whenDeployed_thenEachApplicationRunsExactlyOneReplica(Overlays.Rendering rendering) {
        for (String application : Repository.APPLICATIONS) {
            HorizontalPodAutoscaler autoscaler = rendering.manifests().get(HorizontalPodAutoscaler.class, application);
            assertThat(autoscaler.getSpec().getMinReplicas()).as(application).isEqualTo(1);
            assertThat(autoscaler.getSpec().getMaxReplicas()).as(application).isEqualTo(1);
        }
        assertThat((Integer) Manifests.value(rendering.manifests().custom("Keycloak", "keycloak"), "spec", "instances")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    void givenProd_whenDeployed_thenEachApplicationRunsAtLeastTwoReplicasOnDifferentNodes(Overlays.Rendering rendering) {
        for (String application : Repository.APPLICATIONS) {
            HorizontalPodAutoscaler autoscaler = rendering.manifests().get(HorizontalPodAutoscaler.class, application);
            assertThat(autoscaler.getSpec().getMinReplicas()).as(application).isGreaterThanOrEqualTo(2);
            assertThat(autoscaler.getSpec().getMaxReplicas()).isGreaterThanOrEqualTo(autoscaler.getSpec().getMinReplicas());

            var pod = rendering.manifests().get(Deployment.class, application).getSpec().getTemplate();
            assertThat(pod.getSpec().getTopologySpreadConstraints()).as(application).anySatisfy(constraint -> {
                assertThat(constraint.getTopologyKey()).isEqualTo("kubernetes.io/hostname");
                assertThat(constraint.getWhenUnsatisfiable()).isEqualTo("DoNotSchedule");
                assertThat(constraint.getMaxSkew()).isEqualTo(1);
                assertThat(pod.getMetadata().getLabels()).containsAllEntriesOf(constraint.getLabelSelector().getMatchLabels());
                assertThat(constraint.getLabelSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", application);
            });
        }
        assertThat((Integer) Manifests.value(rendering.manifests().custom("Keycloak", "keycloak"), "spec", "instances")).isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prod")
    void givenProd_whenDeployed_thenImagesComeFromTheRegistryWithAReleaseTag(Overlays.Rendering rendering) {
        for (Deployment deployment : rendering.manifests().all(Deployment.class)) {
            String image = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertThat(image).as("a registry host, not the local name").matches("[a-z0-9.-]+\\.[a-z]+(:\\d+)?/.+")
                    .doesNotContain("SNAPSHOT");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenAnOverlay_whenRendered_thenEverythingLandsInTheOverlaysNamespace(Overlays.Rendering rendering) {
        String namespace = Map.of("dev", "grassroots-dev", "prod", "grassroots").get(rendering.overlay());
        assertThat(rendering.manifests().objects()).allSatisfy(object ->
                assertThat(object.getMetadata().getNamespace()).as(object.getKind() + " " + object.getMetadata().getName())
                        .isEqualTo(namespace));
    }
}
