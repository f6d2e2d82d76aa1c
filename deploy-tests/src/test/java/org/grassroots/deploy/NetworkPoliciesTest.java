package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * Who may talk to whom: only the gateway and the declared callers reach a service; the services reach Kafka,
 * MongoDB, Keycloak and the services they call.
 */
class NetworkPoliciesTest {

    /**
     * The service-to-service calls, caller → callee, and nothing else (docs/deploy.md, "Network rules"). Each
     * one is a {@code <CALLEE>_SERVICE_URL} the caller reads; opening a path is a decision, made here.
     */
    static final Set<Call> SERVICE_CALLS = Set.of(
            new Call("case-service", "grid-service"),          // locating a report's point
            new Call("evaluation-service", "case-service"),    // checking a case before a rating
            new Call("volunteer-service", "case-service"));    // filing the case for a wish that needs a department

    record Call(String caller, String callee) {
    }

    private static final Map<String, String> KAFKA = Map.of("strimzi.io/cluster", "grassroots", "strimzi.io/kind", "Kafka");
    private static final Map<String, String> MONGODB = Map.of("app", "grassroots-mongodb-svc");
    private static final Map<String, String> KEYCLOAK = Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak");
    private static final Map<String, String> DNS = Map.of("k8s-app", "kube-dns");
    private static final int HTTP = 8080;

    private static Map<String, String> application(String name) {
        return Map.of("app.kubernetes.io/name", name);
    }

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

    @Test
    void givenTheServicesConfiguration_whenRead_thenTheServicesCallExactlyTheDeclaredServices() {
        Set<Call> read = new HashSet<>();
        for (String service : Repository.SERVICES) {
            ApplicationConfiguration.calledServices(service).forEach(callee -> read.add(new Call(service, callee)));
        }

        assertThat(read).as("<SERVICE>_SERVICE_URL variables the services read").containsExactlyInAnyOrderElementsOf(SERVICE_CALLS);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void givenAService_whenSomethingConnects_thenOnlyTheGatewayAndTheDeclaredCallersAreLetIn(Overlays.Rendering rendering, String service) {
        NetworkPolicy policy = policiesFor(rendering, service).get(0);
        Set<String> expected = new HashSet<>(Set.of("gateway"));
        SERVICE_CALLS.stream().filter(call -> call.callee().equals(service)).forEach(call -> expected.add(call.caller()));

        List<String> admitted = new ArrayList<>();
        for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
            assertThat(rule.getPorts()).as("%s admits its HTTP port only", service).singleElement()
                    .satisfies(port -> assertThat(port.getPort().getIntVal()).isEqualTo(HTTP));
            assertThat(rule.getFrom()).as("every ingress rule names who it admits").isNotEmpty();
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                assertThat(peer.getNamespaceSelector()).isNull();
                assertThat(peer.getIpBlock()).isNull();
                assertThat(peer.getPodSelector().getMatchLabels()).hasSize(1).containsKey("app.kubernetes.io/name");
                admitted.add(peer.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
            }
        }
        assertThat(admitted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("services")
    void givenAService_whenItConnectsOut_thenItReachesKafkaMongoDbKeycloakTheServicesItCallsAndDnsOnly(Overlays.Rendering rendering, String service) {
        NetworkPolicy policy = policiesFor(rendering, service).get(0);
        Map<Map<String, String>, List<Integer>> expected = new HashMap<>(Map.of(
                KAFKA, List.of(9092), MONGODB, List.of(27017), KEYCLOAK, List.of(HTTP), DNS, List.of(53, 53)));
        SERVICE_CALLS.stream().filter(call -> call.caller().equals(service))
                .forEach(call -> expected.put(application(call.callee()), List.of(HTTP)));

        Map<Map<String, String>, List<Integer>> reached = new HashMap<>();
        for (NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
            assertThat(rule.getTo()).as("every egress rule names where it goes").isNotEmpty();
            for (NetworkPolicyPeer peer : rule.getTo()) {
                assertThat(peer.getIpBlock()).isNull();
                Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                if (peer.getNamespaceSelector() != null) {
                    assertThat(labels).as("only DNS lies outside the namespace").isEqualTo(DNS);
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "kube-system"));
                }
                assertThat(reached).as("%s reached by one rule", labels).doesNotContainKey(labels);
                reached.put(labels, ports(List.of(rule)));
            }
        }
        assertThat(reached).isEqualTo(expected);
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
