package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The Jib configuration, read from the poms. Building an image needs its base image from a registry,
 * which the build machine may not reach; these checks need nothing but the checkout.
 */
class ImageBuildConfigurationTest {

    @Test
    void givenTheReactor_whenListingImageBuilders_thenExactlyTheSixApplicationsBuildImages() {
        assertThat(ImageBuildConfiguration.modulesBuildingImages())
                .containsExactlyInAnyOrderElementsOf(Repository.APPLICATIONS);
    }

    @Test
    void givenAPlainBuild_whenNoImageProfileIsActive_thenJibSkipsBothTheTarballAndThePush() {
        Map<String, String> properties = ImageBuildConfiguration.rootProperties();

        assertThat(properties).containsEntry("image.skip", "true").containsEntry("image.push.skip", "true");
        assertThat(ImageBuildConfiguration.setting("skip", "gateway", Map.of())).isEqualTo("true");
        List<Element> executions = ImageBuildConfiguration.children(
                ImageBuildConfiguration.child(ImageBuildConfiguration.managedPlugin(), "executions").orElseThrow(), "execution");
        assertThat(executions).extracting(execution -> ImageBuildConfiguration.text(execution, "goals"))
                .containsExactly("buildTar", "build");
        Element push = executions.get(1);
        assertThat(ImageBuildConfiguration.text(ImageBuildConfiguration.child(push, "configuration").orElseThrow(), "skip"))
                .isEqualTo("${image.push.skip}");
    }

    @Test
    void givenTheImagesProfiles_whenActivated_thenImagesProfileBuildsTarballsAndARegistryAlsoPushes() {
        Element profiles = ImageBuildConfiguration.child(ImageBuildConfiguration.rootPom().getDocumentElement(), "profiles").orElseThrow();
        Element images = profile(profiles, "images");
        Element push = profile(profiles, "images-push");

        assertThat(ImageBuildConfiguration.text(ImageBuildConfiguration.child(images, "properties").orElseThrow(), "image.skip"))
                .isEqualTo("false");
        Element pushProperties = ImageBuildConfiguration.child(push, "properties").orElseThrow();
        assertThat(ImageBuildConfiguration.text(pushProperties, "image.skip")).isEqualTo("false");
        assertThat(ImageBuildConfiguration.text(pushProperties, "image.push.skip")).isEqualTo("false");
        Element activation = ImageBuildConfiguration.child(push, "activation").orElseThrow();
        assertThat(ImageBuildConfiguration.text(ImageBuildConfiguration.child(activation, "property").orElseThrow(), "name"))
                .as("a registry given on the command line turns pushing on").isEqualTo("image.registry");
    }

    private static Element profile(Element profiles, String id) {
        return ImageBuildConfiguration.children(profiles, "profile").stream()
                .filter(profile -> ImageBuildConfiguration.text(profile, "id").equals(id)).findFirst().orElseThrow();
    }

    @Test
    void givenAnApplication_whenItsImageIsBuilt_thenItIsNamedAfterItsModuleOnASmallJreBase() {
        assertThat(ImageBuildConfiguration.setting("to/image", "case-service", Map.of()))
                .isEqualTo("grassroots/case-service:0.1.0-SNAPSHOT");
        assertThat(ImageBuildConfiguration.setting("to/image", "case-service",
                Map.of("image.registry", "registry.example.com/grassroots", "image.tag", "1.4.0")))
                .isEqualTo("registry.example.com/grassroots/case-service:1.4.0");
        assertThat(ImageBuildConfiguration.setting("from/image", "gateway", Map.of()))
                .as("a JRE, not a JDK").isEqualTo("eclipse-temurin:17-jre");
        assertThat(ImageBuildConfiguration.setting("from/image", "gateway", Map.of("image.base", "tar:///images/temurin-17-jre.tar")))
                .as("a saved base image builds offline").isEqualTo("tar:///images/temurin-17-jre.tar");
    }

    @Test
    void givenAnApplicationImage_whenItRuns_thenItRunsAsTheNonRootUserTheDeploymentsExpect() {
        assertThat(ImageBuildConfiguration.setting("container/user", "gateway", Map.of())).isEqualTo("65532:65532");
    }

    @Test
    void givenAnApplicationImage_whenLayered_thenClassesAndDependenciesAreSeparateLayersNotOneFatJar() {
        // "exploded": dependencies, snapshot and project dependencies, resources and classes each get a
        // layer, so a code change ships the classes layer only. "packaged" would ship the whole jar.
        assertThat(ImageBuildConfiguration.setting("containerizingMode", "gateway", Map.of())).isEqualTo("exploded");
        assertThat(ImageBuildConfiguration.child(ImageBuildConfiguration.child(ImageBuildConfiguration.managedPlugin(),
                "configuration").orElseThrow(), "extraDirectories")).isEmpty();
    }

    @Test
    void givenTheReadOnlyRootFilesystem_whenTheJvmStarts_thenItsTemporaryFilesGoToTmp() {
        Element flags = ImageBuildConfiguration.child(ImageBuildConfiguration.child(ImageBuildConfiguration.child(
                ImageBuildConfiguration.managedPlugin(), "configuration").orElseThrow(), "container").orElseThrow(), "jvmFlags").orElseThrow();

        assertThat(ImageBuildConfiguration.texts(flags, "jvmFlag"))
                .contains("-Djava.io.tmpdir=/tmp", "-XX:MaxRAMPercentage=75.0");
    }
}
