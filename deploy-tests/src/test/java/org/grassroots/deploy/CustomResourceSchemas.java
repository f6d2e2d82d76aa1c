package org.grassroots.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.StatefulSetSpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;

/**
 * The parts of the operators' custom resources deploy/k8s uses, as far as their CRDs define them
 * (Strimzi 0.45+ v1beta2 including KafkaUser, Keycloak operator 26 v2alpha1, MongoDB Community v1). fabric8 has no typed model
 * for them here, so each object's keys are checked against the CRD's, and the pieces that are plain
 * Kubernetes types (resources, spread constraints, the StatefulSet override) are parsed as those types.
 * A key the CRD does not have would be pruned by the API server without a word: this catches it first.
 */
final class CustomResourceSchemas {

    /** kind → (path → keys allowed there). "[]" steps into every element of a list. */
    private static final Map<String, Map<String, Set<String>>> KEYS = Map.of(
            "Kafka", Map.of(
                    "spec", Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter",
                            "maintenanceTimeWindows", "clusterCa", "clientsCa"),
                    "spec.kafka", Set.of("version", "metadataVersion", "listeners", "config", "authorization", "rack",
                            "template", "resources", "jvmOptions", "logging", "metricsConfig", "image", "quotas"),
                    "spec.kafka.listeners[]", Set.of("name", "port", "type", "tls", "authentication",
                            "configuration", "networkPolicyPeers"),
                    "spec.kafka.listeners[].authentication", Set.of("type", "listenerConfig", "sasl", "secrets",
                            "clientId", "clientSecret", "validIssuerUri", "jwksEndpointUri", "introspectionEndpointUri",
                            "userNameClaim", "checkAudience", "tlsTrustedCertificates"),
                    "spec.kafka.listeners[].configuration", Set.of("brokerCertChainAndKey", "class",
                            "externalTrafficPolicy", "loadBalancerSourceRanges", "bootstrap", "brokers", "ipFamilyPolicy",
                            "ipFamilies", "createBootstrapService", "finalizers", "useServiceDnsDomain", "maxConnections",
                            "maxConnectionCreationRate", "preferredNodePortAddressType", "publishNotReadyAddresses",
                            "hostTemplate", "advertisedHostTemplate", "allocateLoadBalancerNodePorts"),
                    "spec.kafka.listeners[].configuration.bootstrap", Set.of("alternativeNames", "host", "nodePort",
                            "loadBalancerIP", "annotations", "labels", "externalIPs"),
                    "spec.kafka.authorization", Set.of("type", "superUsers"),
                    "spec.entityOperator", Set.of("topicOperator", "userOperator", "template"),
                    "spec.entityOperator.userOperator", Set.of("watchedNamespace", "image", "reconciliationIntervalMs",
                            "secretPrefix", "livenessProbe", "readinessProbe", "resources", "logging", "jvmOptions")),
            "KafkaUser", Map.of(
                    "spec", Set.of("authentication", "authorization", "quotas", "template"),
                    "spec.authentication", Set.of("type", "password"),
                    "spec.authorization", Set.of("type", "acls"),
                    "spec.authorization.acls[]", Set.of("type", "resource", "host", "operations"),
                    "spec.authorization.acls[].resource", Set.of("type", "name", "patternType")),
            "KafkaNodePool", Map.of(
                    "spec", Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template"),
                    "spec.storage", Set.of("type", "volumes"),
                    "spec.storage.volumes[]", Set.of("id", "type", "size", "class", "deleteClaim", "kraftMetadata",
                            "selector"),
                    "spec.template", Set.of("pod", "podSet", "perPodService", "persistentVolumeClaim", "kafkaContainer",
                            "initContainer"),
                    "spec.template.pod", Set.of("metadata", "affinity", "tolerations", "topologySpreadConstraints",
                            "priorityClassName", "securityContext", "terminationGracePeriodSeconds")),
            "KafkaTopic", Map.of(
                    "spec", Set.of("topicName", "partitions", "replicas", "config")),
            "Keycloak", Map.of(
                    "spec", Set.of("instances", "image", "imagePullSecrets", "db", "bootstrapAdmin", "http", "hostname",
                            "proxy", "ingress", "resources", "features", "transaction", "cache", "unsupported",
                            "additionalOptions", "truststores", "networkPolicy", "scheduling", "startOptimized",
                            "httpManagement", "tracing", "update"),
                    "spec.db", Set.of("vendor", "host", "port", "database", "usernameSecret", "passwordSecret", "url",
                            "schema", "poolInitialSize", "poolMinSize", "poolMaxSize"),
                    "spec.http", Set.of("httpEnabled", "httpPort", "httpsPort", "tlsSecret", "annotations", "labels"),
                    "spec.hostname", Set.of("hostname", "admin", "strict", "backchannelDynamic"),
                    "spec.proxy", Set.of("headers"),
                    "spec.ingress", Set.of("enabled", "className", "annotations", "labels", "tlsSecret"),
                    "spec.bootstrapAdmin", Set.of("user", "service"),
                    "spec.bootstrapAdmin.user", Set.of("secret")),
            "KeycloakRealmImport", Map.of(
                    "spec", Set.of("keycloakCRName", "realm", "placeholders", "resources"),
                    "spec.placeholders.*", Set.of("secret"),
                    "spec.placeholders.*.secret", Set.of("name", "key")),
            "MongoDBCommunity", Map.of(
                    "spec", Set.of("members", "type", "version", "arbiters", "featureCompatibilityVersion",
                            "replicaSetHorizons", "security", "users", "additionalMongodConfig", "statefulSet", "agent",
                            "prometheus", "additionalConnectionStringConfig", "memberConfig"),
                    "spec.security", Set.of("authentication", "tls", "roles"),
                    "spec.security.authentication", Set.of("modes", "ignoreUnknownUsers", "agentMode"),
                    "spec.users[]", Set.of("name", "db", "passwordSecretRef", "roles", "scramCredentialsSecretName",
                            "connectionStringSecretName", "connectionStringSecretNamespace",
                            "additionalConnectionStringConfig"),
                    "spec.users[].passwordSecretRef", Set.of("name", "key"),
                    "spec.users[].roles[]", Set.of("name", "db"),
                    "spec.statefulSet", Set.of("spec", "metadata")));

    /** kind → (path → the Kubernetes type found there). */
    private static final Map<String, Map<String, Class<?>>> TYPED = Map.of(
            "Kafka", Map.of("spec.kafka.listeners[].networkPolicyPeers[]", NetworkPolicyPeer.class),
            "KafkaNodePool", Map.of(
                    "spec.resources", ResourceRequirements.class,
                    "spec.template.pod.topologySpreadConstraints[]", TopologySpreadConstraint.class),
            "Keycloak", Map.of("spec.resources", ResourceRequirements.class),
            "MongoDBCommunity", Map.of("spec.statefulSet.spec", StatefulSetSpec.class));

    private CustomResourceSchemas() {
    }

    static boolean knows(String kind) {
        return KEYS.containsKey(kind);
    }

    /** What is wrong with this custom resource: keys its CRD does not define, typed parts that do not parse. */
    static List<String> problems(String kind, JsonNode resource) {
        List<String> problems = new ArrayList<>();
        KEYS.getOrDefault(kind, Map.of()).forEach((path, allowed) -> at(resource, path).forEach(node -> {
            if (!node.isObject()) {
                problems.add(path + " is not an object");
                return;
            }
            node.fieldNames().forEachRemaining(key -> {
                if (!allowed.contains(key)) {
                    problems.add(path + "." + key + " is not in the " + kind + " CRD");
                }
            });
        }));
        TYPED.getOrDefault(kind, Map.of()).forEach((path, type) -> at(resource, path).forEach(node -> {
            try {
                Object typed = Yaml.MAPPER.treeToValue(node, type);
                UnknownFields.in(typed).forEach(field -> problems.add(path + field + " is unknown to " + type.getSimpleName()));
            } catch (Exception e) {
                problems.add(path + " is not a " + type.getSimpleName() + ": " + e.getMessage());
            }
        }));
        return problems;
    }

    /** The nodes at a dotted path; "[]" steps into each list element, "*" into each map value. */
    static List<JsonNode> at(JsonNode root, String path) {
        List<JsonNode> current = List.of(root);
        for (String step : path.split("\\.")) {
            boolean each = step.endsWith("[]");
            String key = each ? step.substring(0, step.length() - 2) : step;
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (key.equals("*")) {
                    node.elements().forEachRemaining(next::add);
                    continue;
                }
                JsonNode child = node.get(key);
                if (child == null) {
                    continue;
                }
                if (each) {
                    child.elements().forEachRemaining(next::add);
                } else {
                    next.add(child);
                }
            }
            current = next;
        }
        return current;
    }
}
