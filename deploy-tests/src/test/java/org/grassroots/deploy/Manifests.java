package org.grassroots.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * One rendered overlay as typed Kubernetes objects. Built-in kinds become their fabric8 classes and may
 * carry no field fabric8 does not know; the operators' resources become {@link GenericKubernetesResource}
 * and are checked by {@link CustomResourceSchemas}. A kind that is neither is refused.
 */
record Manifests(List<HasMetadata> objects) {

    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    private static final Map<String, String> CUSTOM_API_VERSIONS = Map.of(
            "Kafka", "kafka.strimzi.io/v1beta2",
            "KafkaNodePool", "kafka.strimzi.io/v1beta2",
            "KafkaTopic", "kafka.strimzi.io/v1beta2",
            "KafkaUser", "kafka.strimzi.io/v1beta2",
            "Keycloak", "k8s.keycloak.org/v2alpha1",
            "KeycloakRealmImport", "k8s.keycloak.org/v2alpha1",
            "MongoDBCommunity", "mongodbcommunity.mongodb.com/v1");

    static Manifests parse(List<ObjectNode> documents) {
        List<HasMetadata> objects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (ObjectNode document : documents) {
            String apiVersion = document.path("apiVersion").asText();
            String kind = document.path("kind").asText();
            String name = kind + "/" + document.path("metadata").path("name").asText();
            Class<? extends HasMetadata> type = TYPES.get(apiVersion + "/" + kind);
            try {
                if (type != null) {
                    HasMetadata object = Yaml.MAPPER.treeToValue(document, type);
                    UnknownFields.in(object).forEach(field -> problems.add(name + ": unknown field " + field));
                    objects.add(object);
                } else if (CustomResourceSchemas.knows(kind) && apiVersion.equals(CUSTOM_API_VERSIONS.get(kind))) {
                    GenericKubernetesResource object = Yaml.MAPPER.treeToValue(document, GenericKubernetesResource.class);
                    UnknownFields.in(object.getMetadata()).forEach(field -> problems.add(name + ": unknown field metadata" + field));
                    CustomResourceSchemas.problems(kind, document).forEach(problem -> problems.add(name + ": " + problem));
                    objects.add(object);
                } else {
                    problems.add(name + ": " + apiVersion + " " + kind + " is not a kind deploy-tests knows");
                }
            } catch (Exception e) {
                problems.add(name + ": does not parse as " + apiVersion + " " + kind + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("manifests with problems:\n  " + String.join("\n  ", problems));
        }
        return new Manifests(List.copyOf(objects));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** A value inside a custom resource, by its path of keys ("spec", "replicas"). */
    static Object value(GenericKubernetesResource resource, Object... path) {
        return resource.<Object>get(path);
    }

    List<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).stream().filter(object -> object.getKind().equals(kind)).toList();
    }

    GenericKubernetesResource custom(String kind, String name) {
        return custom(kind).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
