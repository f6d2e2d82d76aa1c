package org.grassroots.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the few features deploy/k8s uses:
 * {@code resources} (files and directories), {@code namespace}, {@code images} and JSON 6902
 * {@code patches} with a target. Anything else is refused, so a kustomization that starts using a feature
 * this class does not know fails here instead of being rendered wrongly. Used where kubectl is missing;
 * where it is present, the tests check both give the same documents.
 */
final class PlainKustomize {

    private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "IngressClass", "PriorityClass");

    private PlainKustomize() {
    }

    static List<ObjectNode> render(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + directory);
        }
        ObjectNode kustomization = Yaml.documents(file).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not supported by PlainKustomize");
            }
        });
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            documents.addAll(Files.isDirectory(path) ? render(path) : Yaml.documents(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(directory, patch, documents);
        }
        for (JsonNode image : kustomization.path("images")) {
            documents.forEach(document -> setImage(document, image));
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            documents.stream()
                    .filter(document -> !CLUSTER_SCOPED.contains(document.path("kind").asText()))
                    .forEach(document -> ((ObjectNode) document.get("metadata")).put("namespace", namespace));
        }
        return documents;
    }

    private static void applyPatch(Path directory, JsonNode patch, List<ObjectNode> documents) {
        JsonNode operations = patch.has("path")
                ? Yaml.documents(directory.resolve(patch.get("path").asText())).get(0)
                : readSequence(patch.path("patch").asText());
        JsonNode target = patch.get("target");
        if (target == null) {
            throw new IllegalArgumentException("a patch without a target (strategic merge) is not supported: " + patch);
        }
        List<ObjectNode> matched = documents.stream().filter(document -> matches(target, document)).toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("patch target matches nothing: " + target);
        }
        matched.forEach(document -> JsonPatch.apply(document, operations));
    }

    private static JsonNode readSequence(String yaml) {
        try {
            return Yaml.MAPPER.readTree(yaml);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable patch: " + yaml, e);
        }
    }

    private static boolean matches(JsonNode target, ObjectNode document) {
        for (Map.Entry<String, JsonNode> selector : (Iterable<Map.Entry<String, JsonNode>>) target::fields) {
            String wanted = selector.getValue().asText();
            boolean ok = switch (selector.getKey()) {
                case "kind" -> wanted.equals(document.path("kind").asText());
                case "name" -> Pattern.matches(wanted, document.path("metadata").path("name").asText());
                case "group" -> wanted.equals(group(document.path("apiVersion").asText()));
                case "version" -> document.path("apiVersion").asText().endsWith(wanted);
                case "labelSelector" -> labelsMatch(wanted, document.path("metadata").path("labels"));
                default -> throw new IllegalArgumentException("unsupported patch target selector " + selector.getKey());
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static boolean labelsMatch(String selector, JsonNode labels) {
        for (String requirement : selector.split(",")) {
            String[] pair = requirement.trim().split("=", 2);
            if (pair.length != 2 || !pair[1].equals(labels.path(pair[0]).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static void setImage(ObjectNode document, JsonNode image) {
        for (JsonNode podSpec : List.of(document.path("spec"), document.path("spec").path("template").path("spec"))) {
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : podSpec.path(list)) {
                    if (container.hasNonNull("image")) {
                        retag((ObjectNode) container, image);
                    }
                }
            }
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.get("image").asText();
        String name = current.replaceFirst("@.*$", "").replaceFirst(":[^:/]*$", "");
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String tag = current.substring(name.length());
        String newName = image.path("newName").asText(name);
        if (image.hasNonNull("digest")) {
            tag = "@" + image.get("digest").asText();
        } else if (image.hasNonNull("newTag")) {
            tag = ":" + image.get("newTag").asText();
        }
        container.put("image", newName + tag);
    }
}
