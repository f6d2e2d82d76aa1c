package org.grassroots.deploy;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * RFC 6902 JSON Patch (add, remove, replace, test) on a Jackson tree: the patch form the overlays use,
 * so that the plain renderer needs no strategic-merge rules of its own.
 */
final class JsonPatch {

    private JsonPatch() {
    }

    static void apply(ObjectNode document, JsonNode operations) {
        if (!operations.isArray()) {
            throw new IllegalArgumentException("only JSON 6902 patches (a list of operations) are supported, got: "
                    + operations);
        }
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            List<String> path = pointer(operation.path("path").asText());
            switch (op) {
                case "add" -> add(document, path, operation.get("value").deepCopy());
                case "replace" -> replace(document, path, operation.get("value").deepCopy());
                case "remove" -> remove(document, path);
                case "test" -> test(document, path, operation.get("value"));
                default -> throw new IllegalArgumentException("unsupported JSON patch operation " + op);
            }
        }
    }

    private static void add(JsonNode document, List<String> path, JsonNode value) {
        JsonNode parent = parent(document, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            if (last.equals("-")) {
                array.add(value);
            } else {
                array.insert(index(array, last, true), value);
            }
        } else {
            throw new IllegalArgumentException("no container at " + path);
        }
    }

    private static void replace(JsonNode document, List<String> path, JsonNode value) {
        JsonNode parent = parent(document, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(index(array, last, false), value);
        } else {
            throw new IllegalArgumentException("nothing to replace at " + path);
        }
    }

    private static void remove(JsonNode document, List<String> path) {
        JsonNode parent = parent(document, path);
        String last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object && object.has(last)) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(index(array, last, false));
        } else {
            throw new IllegalArgumentException("nothing to remove at " + path);
        }
    }

    private static void test(JsonNode document, List<String> path, JsonNode expected) {
        JsonNode actual = document;
        for (String token : path) {
            actual = actual.isArray() ? actual.path(index((ArrayNode) actual, token, false)) : actual.path(token);
        }
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException("test failed at " + path + ": expected " + expected + ", found " + actual);
        }
    }

    private static JsonNode parent(JsonNode document, List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("patching the whole document is not supported");
        }
        JsonNode node = document;
        for (String token : path.subList(0, path.size() - 1)) {
            node = node.isArray() ? node.get(index((ArrayNode) node, token, false)) : node.get(token);
            if (node == null) {
                throw new IllegalArgumentException("no such path " + path);
            }
        }
        return node;
    }

    private static int index(ArrayNode array, String token, boolean mayBeEnd) {
        int index = Integer.parseInt(token);
        int limit = mayBeEnd ? array.size() : array.size() - 1;
        if (index < 0 || index > limit) {
            throw new IllegalArgumentException("index " + index + " outside a list of " + array.size());
        }
        return index;
    }

    private static List<String> pointer(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String token : pointer.substring(1).split("/", -1)) {
            tokens.add(token.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
