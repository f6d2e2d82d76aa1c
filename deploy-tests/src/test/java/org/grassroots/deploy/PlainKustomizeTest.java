package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The renderer used where kubectl is missing, on a small kustomization of its own (src/test/resources/kustomize). */
class PlainKustomizeTest {

    private static Path fixture(String name) {
        try {
            return Path.of(PlainKustomizeTest.class.getResource("/kustomize/" + name + "/kustomization.yaml").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenAnOverlay_whenRendered_thenPatchesImagesAndNamespaceApplyToTheBase() {
        List<ObjectNode> documents = PlainKustomize.render(fixture("overlay"));

        ObjectNode settings = documents.get(0);
        assertThat(settings.at("/data/MODE").asText()).isEqualTo("overlay");
        assertThat(settings.at("/data/EXTRA").asText()).isEqualTo("yes");
        assertThat(settings.at("/metadata/namespace").asText()).isEqualTo("testing");
        ObjectNode web = documents.get(1);
        assertThat(web.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(web.at("/spec/template/spec/containers")).hasSize(1);
        assertThat(web.at("/spec/template/spec/containers/0/image").asText()).isEqualTo("registry.example.com/web:2.0");
        assertThat(web.at("/metadata/namespace").asText()).isEqualTo("testing");
    }

    @Test
    void givenAnImageWithATag_whenOnlyTheTagChanges_thenTheNameStays() {
        ObjectNode web = PlainKustomize.render(fixture("base")).get(1);
        assertThat(web.at("/spec/template/spec/containers/1/image").asText()).isEqualTo("example/sidecar:1.0");
    }

    @Test
    void givenAFeatureItDoesNotImplement_whenRendered_thenItRefusesRatherThanRenderWrongly() {
        assertThat(catchThrowable(() -> PlainKustomize.render(fixture("unsupported"))))
                .hasMessageContaining("'namePrefix' is not supported");
    }

    @Test
    void givenAFailingTestOperation_whenPatched_thenRenderingFails() {
        ObjectNode document = Yaml.documents("kind: ConfigMap\ndata:\n  MODE: base\n").get(0);

        assertThat(catchThrowable(() -> JsonPatch.apply(document, Yaml.documents("ops:\n  - op: test\n    path: /data/MODE\n    value: other\n")
                .get(0).get("ops")))).hasMessageContaining("test failed at [data, MODE]");
    }

    @Test
    void givenKubectlOnThePath_whenTheFixtureIsRendered_thenKubectlAgrees() {
        List<ObjectNode> plain = PlainKustomize.render(fixture("overlay"));
        List<ObjectNode> reference = KubectlKustomize.kubectl().isPresent()
                ? KubectlKustomize.render(fixture("overlay"))
                : plain;

        assertThat(reference).containsExactlyInAnyOrderElementsOf(plain);
    }
}
