package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/** Who may talk to whom: only the gateway reaches the services; the services reach Kafka, MongoDB, Keycloak. */
class NetworkPoliciesTest {

    static Stream<Arguments> applications() {
        return Overlays.all().flatMap(rendering -> Repository.APPLICATIONS.stream()
                .map(application -> Arguments.of(rendering, application)));
    }

    static Stream<Arguments> services() {
        return Overlays.all().flatMap(rendering -> Repository.SERVICES.stream()
                .map(service -> Arguments.of(rendering, service)));
    }

    /** The policies that select this application's pods; each must restrict both directions. */
    private static List<NetworkPolicy> policiesFor(Overlays.Rendering rendering, String application) {
        Map<String, String> podLabels = rendering.manifests().get(Deployment.class, application)
                .getSpec().getTemplate().getMetadata().getLabels();
        return rendering.manifests().all(NetworkPolicy.class).stream()
                .filter(policy -> selects(policy.getSpec().getPodSelector(), podLabels)).toList();
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && selector.getMatchLabels() != null && !selector.getMatchLabels().isEmpty()
                && labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("applications")
    void givenAnApplication_whenDeployed_thenANetworkPolicyRestrictsItsTrafficBothWays(Overlays.Rendering rendering, String application) {
        List<NetworkPolicy> policies = policiesFor(rendering, application);

        assertThat(policies).singleElement().satisfies(policy ->
                assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress"));
        assertThat(policies.get(0).getSpec().getEgress()).as("DNS is allowed").anySatisfy(rule ->
                assertThat(rule.getPorts()).anySatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(53)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void givenAService_whenSomethingConnects_thenOnlyTheGatewayIsLetIn(Overlays.Rendering rendering, String service) {
        NetworkPolicy policy = policiesFor(rendering, service).get(0);

        List<NetworkPolicyPeer> peers = policy.getSpec().getIngress().stream().flatMap(rule -> rule.getFrom().stream()).toList();
        assertThat(peers).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector()).isNull();
            assertThat(peer.getIpBlock()).isNull();
            assertThat(peer.getPodSelector().getMatchLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "gateway"));
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void givenAService_whenItConnectsOut_thenItReachesKafkaMongoDbKeycloakAndDnsOnly(Overlays.Rendering rendering, String service) {
        NetworkPolicy policy = policiesFor(rendering, service).get(0);

        assertThat(policy.getSpec().getEgress()).allSatisfy(rule -> assertThat(rule.getTo()).isNotEmpty());
        assertThat(ports(policy.getSpec().getEgress())).containsExactlyInAnyOrder(9092, 27017, 8080, 53, 53);
        assertThat(policy.getSpec().getEgress()).flatExtracting(NetworkPolicyEgressRule::getTo)
                .extracting(peer -> peer.getPodSelector().getMatchLabels())
                .contains(Map.of("strimzi.io/cluster", "grassroots", "strimzi.io/kind", "Kafka"),
                        Map.of("app", "grassroots-mongodb-svc"),
                        Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.grassroots.deploy.Overlays#all")
    void givenTheGateway_whenSomethingConnects_thenOnlyTheIngressControllerIsLetInAndItReachesTheServices(Overlays.Rendering rendering) {
        NetworkPolicy policy = policiesFor(rendering, "gateway").get(0);

        assertThat(policy.getSpec().getIngress()).flatExtracting(rule -> rule.getFrom()).singleElement()
                .satisfies(peer -> assertThat(peer.getNamespaceSelector().getMatchLabels()).containsKey("kubernetes.io/metadata.name"));
        List<String> reached = policy.getSpec().getEgress().stream().flatMap(rule -> rule.getTo().stream())
                .map(peer -> peer.getPodSelector() == null ? null : peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .filter(Objects::nonNull).toList();
        assertThat(reached).containsExactlyInAnyOrderElementsOf(Repository.SERVICES);
    }

    private static List<Integer> ports(List<NetworkPolicyEgressRule> rules) {
        return rules.stream().flatMap(rule -> rule.getPorts().stream()).map(port -> port.getPort().getIntVal()).toList();
    }
}
