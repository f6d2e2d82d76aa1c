package org.grassroots.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The overlays, rendered by every renderer this machine has: always {@link PlainKustomize}, and
 * {@code kubectl kustomize} as well where kubectl is on the PATH. Every rule is checked on every rendering,
 * so a rule holds for what an administrator applies, not only for the plain reading of the files.
 */
final class Overlays {

    static final List<String> NAMES = List.of("dev", "prod");

    record Rendering(String overlay, String renderer, Manifests manifests) {

        @Override
        public String toString() {
            return overlay + " (" + renderer + ")";
        }
    }

    private static final Map<String, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private Overlays() {
    }

    static Map<String, Function<String, List<ObjectNode>>> renderers() {
        Map<String, Function<String, List<ObjectNode>>> renderers = new LinkedHashMap<>();
        renderers.put("plain", overlay -> PlainKustomize.render(Repository.overlay(overlay)));
        if (KubectlKustomize.kubectl().isPresent()) {
            renderers.put("kubectl kustomize", overlay -> KubectlKustomize.render(Repository.overlay(overlay)));
        }
        return renderers;
    }

    static List<ObjectNode> documents(String overlay, String renderer) {
        return CACHE.computeIfAbsent(overlay + "|" + renderer, key -> renderers().get(renderer).apply(overlay))
                .stream().map(ObjectNode::deepCopy).toList();
    }

    static Stream<Rendering> all() {
        List<Rendering> renderings = new ArrayList<>();
        for (String overlay : NAMES) {
            for (String renderer : renderers().keySet()) {
                renderings.add(new Rendering(overlay, renderer, Manifests.parse(documents(overlay, renderer))));
            }
        }
        return renderings.stream();
    }

    static Stream<Rendering> of(String overlay) {
        return all().filter(rendering -> rendering.overlay().equals(overlay));
    }
}
