package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** Every application, in every overlay and rendering: the Deployment and what belongs with it. */
class ApplicationManifestsTest {

    /** Image user (root pom's Jib configuration) and the user the pods run as. */
    private static final long APPLICATION_USER = 65532;
    /** Spring's spring.lifecycle.timeout-per-shutdown-phase (grassroots-defaults.properties). */
    private static final int SHUTDOWN_PHASE_SECONDS = 20;

    static Stream<Arguments> applications() {
        return Overlays.all().flatMap(rendering -> Repository.APPLICATIONS.stream()
                .map(application -> Arguments.of(rendering, application)));
    }

    private static Container container(Overlays.Rendering rendering, String application) {
        List<Container> containers = podSpec(rendering, application).getContainers();
        assertThat(containers).extracting(Container::getName).containsExactly(application);
        return containers.get(0);
    }

    private static PodSpec podSpec(Overlays.Rendering rendering, String application) {
        return rendering.manifests().get(Deployment.class, application).getSpec().getTemplate().getSpec();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenItsImageIsTheImageItsModuleBuilds(Overlays.Rendering rendering, String application) {
        String image = container(rendering, application).getImage();

        String repository = image.replaceFirst("@.*$", "").replaceFirst(":[^:/]*$", "");
        assertThat(repository).endsWith("/" + application);
        assertThat(image).as("a pinned tag or digest, never latest").matches(".+(:[\\w.-]+|@sha256:[0-9a-f]{64})$")
                .doesNotEndWith(":latest");
        assertThat(ImageBuildConfiguration.modulesBuildingImages()).contains(application);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenActuatorProbesWatchIt(Overlays.Rendering rendering, String application) {
        Container container = container(rendering, application);

        assertHttpProbe(container.getStartupProbe(), "/actuator/health/liveness");
        assertHttpProbe(container.getLivenessProbe(), "/actuator/health/liveness");
        assertHttpProbe(container.getReadinessProbe(), "/actuator/health/readiness");
        assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
                .as("seconds a slow start is given before the pod is restarted").isGreaterThanOrEqualTo(120);
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenItHasResourceRequestsAndLimits(Overlays.Rendering rendering, String application) {
        var resources = container(rendering, application).getResources();

        assertThat(resources.getRequests()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits()).containsKeys("cpu", "memory");
        assertThat(resources.getLimits().get("memory").getNumericalAmount())
                .isGreaterThanOrEqualTo(resources.getRequests().get("memory").getNumericalAmount());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenItRunsAsNonRootOnAReadOnlyRootFilesystem(Overlays.Rendering rendering, String application) {
        PodSpec pod = podSpec(rendering, application);
        Container container = container(rendering, application);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(APPLICATION_USER);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(container.getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            Volume volume = pod.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertThat(volume.getEmptyDir()).as("/tmp is a writable emptyDir").isNotNull();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenStopped_thenItDrainsWithinTheGracePeriod(Overlays.Rendering rendering, String application) {
        PodSpec pod = podSpec(rendering, application);
        Container container = container(rendering, application);

        assertThat(container.getLifecycle().getPreStop().getSleep()).as("preStop waits for endpoints to update").isNotNull();
        long preStop = container.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(preStop).isBetween(5L, 30L);
        // Web server, then the Kafka listener containers (they commit offsets as they stop): two phases.
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(preStop + 2L * SHUTDOWN_PHASE_SECONDS);
        assertThat(rendering.manifests().get(Deployment.class, application).getSpec().getStrategy().getRollingUpdate()
                .getMaxUnavailable().getIntVal()).as("a roll-out keeps every ready pod until its successor is ready")
                .isZero();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenEveryAddressAndPortItReadsIsSet(Overlays.Rendering rendering, String application) {
        Container container = container(rendering, application);
        Map<String, String> environment = environment(rendering, container);
        ContainerPort http = container.getPorts().stream().filter(port -> "http".equals(port.getName())).findFirst().orElseThrow();

        ApplicationConfiguration.mustBeSet(application).forEach((variable, localDefault) -> {
            assertThat(environment).as("%s reads %s", application, variable).containsKey(variable);
            if (variable.endsWith("_PORT")) {
                assertThat(environment.get(variable)).isEqualTo(String.valueOf(http.getContainerPort()));
            }
            if (variable.equals("MONGODB_DATABASE")) {
                assertThat(environment.get(variable)).as("the database the service has always used").isEqualTo(localDefault);
            }
            assertThat(environment.get(variable)).doesNotContain("localhost");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenEveryKeyItReadsComesFromASecretNeverALiteral(Overlays.Rendering rendering, String application) {
        Container container = container(rendering, application);
        Map<String, EnvVar> env = new HashMap<>();
        container.getEnv().forEach(variable -> env.put(variable.getName(), variable));

        ApplicationConfiguration.variables(application).keySet().stream().filter(ApplicationConfiguration::isKey).forEach(key -> {
            assertThat(env).as("%s reads %s", application, key).containsKey(key);
            assertThat(env.get(key).getValue()).as("%s is no literal", key).isNull();
            var secret = env.get(key).getValueFrom().getSecretKeyRef();
            assertThat(secret).as("%s comes from a Secret", key).isNotNull();
            assertThat(secret.getName()).isNotBlank();
            assertThat(secret.getKey()).isNotBlank();
            assertThat(secret.getOptional()).as("a missing Secret stops the pod").isNotEqualTo(Boolean.TRUE);
        });
        for (ConfigMap configMap : rendering.manifests().all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as("ConfigMap %s holds no key", configMap.getMetadata().getName())
                    .noneMatch(ApplicationConfiguration::isKey);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenItRunsUnderADeploymentProfileNeverLocal(Overlays.Rendering rendering, String application) {
        String profiles = environment(rendering, container(rendering, application)).get("SPRING_PROFILES_ACTIVE");

        // 'local' is the default profile (./grassroots up, tests): the only one with published development keys.
        assertThat(profiles).as("%s sets SPRING_PROFILES_ACTIVE", application).isNotBlank();
        assertThat(profiles.split(",")).extracting(String::strip).doesNotContain("local");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenItCallsAService_thenItsUrlTargetsTheServiceOfThatName(Overlays.Rendering rendering, String application) {
        Map<String, String> environment = environment(rendering, container(rendering, application));

        environment.forEach((variable, value) -> {
            if (variable.endsWith("_SERVICE_URL")) {
                String service = variable.substring(0, variable.length() - "_URL".length()).toLowerCase().replace('_', '-');
                assertThat(value).isEqualTo("http://" + service);
                assertThat(rendering.manifests().find(Service.class, service)).isPresent();
            }
        });
    }

    /** Variables from envFrom ConfigMaps and env; a value from a Secret shows as "secret:<name>/<key>". */
    private static Map<String, String> environment(Overlays.Rendering rendering, Container container) {
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            ConfigMap configMap = rendering.manifests().get(ConfigMap.class, source.getConfigMapRef().getName());
            environment.putAll(configMap.getData());
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() != null) {
                var secret = variable.getValueFrom().getSecretKeyRef();
                assertThat(secret).as("%s comes from a Secret", variable.getName()).isNotNull();
                environment.put(variable.getName(), "secret:" + secret.getName() + "/" + secret.getKey());
            } else {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return environment;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenAServiceADisruptionBudgetAndAnAutoscalerGoWithIt(Overlays.Rendering rendering, String application) {
        Manifests manifests = rendering.manifests();
        Map<String, String> podLabels = manifests.get(Deployment.class, application).getSpec().getTemplate().getMetadata().getLabels();

        Service service = manifests.get(Service.class, application);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));

        PodDisruptionBudget budget = manifests.get(PodDisruptionBudget.class, application);
        assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);

        HorizontalPodAutoscaler autoscaler = manifests.get(HorizontalPodAutoscaler.class, application);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(application);
        assertThat(autoscaler.getSpec().getMinReplicas()).isPositive();
        assertThat(manifests.get(Deployment.class, application).getSpec().getReplicas())
                .as("the autoscaler owns the replica count").isNull();
    }
}
