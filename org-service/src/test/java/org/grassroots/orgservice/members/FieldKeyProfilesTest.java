package org.grassroots.orgservice.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.grassroots.platform.crypto.FieldCipher;
import org.grassroots.platform.crypto.FieldCipherConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Where the field cipher's key ring comes from, read through org-service's real application.yml and
 * profiles: the published development key exists for the default profile 'local' only, so a deployment
 * that sets its own profile and forgets GRASSROOTS_FIELD_KEYS fails at start-up instead of encrypting
 * phones with a public key.
 */
class FieldKeyProfilesTest {

    private static final String DEV_RING = "local-org:bG9jYWwtZGV2LW9ubHktZ3Jhc3Nyb290cy1rZXktMzI=";
    private static final String DEPLOYMENT_RING = "2026-12:a3ViZXJuZXRlcy1vbmx5LWdyYXNzcm9vdHMta2V5MzI=";

    /**
     * Only the cipher's auto-configuration, the configuration files and, as in the service, strict
     * placeholder resolution: no MongoDB, Kafka or web server is started.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, FieldCipherConfiguration.class})
    static class CipherOnly {
    }

    private static ConfigurableApplicationContext start(String... arguments) {
        return new SpringApplicationBuilder(CipherOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .run(arguments);
    }

    @Test
    void givenNoProfile_whenStarted_thenTheLocalProfileIsActiveWithTheDevelopmentKey() {
        try (ConfigurableApplicationContext context = start()) {
            assertThat(context.getEnvironment().getActiveProfiles()).isEmpty();
            assertThat(context.getEnvironment().getDefaultProfiles()).containsExactly("local");
            assertThat(context.getEnvironment().getProperty("grassroots.field-cipher.keys")).isEqualTo(DEV_RING);

            FieldCipher cipher = context.getBean(FieldCipher.class);
            assertThat(cipher.currentKeyId()).isEqualTo("local-org");
            assertThat(cipher.decrypt(cipher.encrypt("13812341234"))).isEqualTo("13812341234");
        }
    }

    @Test
    void givenADeploymentProfileWithoutFieldKeys_whenStarted_thenItRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> start("--spring.profiles.active=kubernetes").close())
                .hasStackTraceContaining("Could not resolve placeholder 'GRASSROOTS_FIELD_KEYS'");
    }

    @Test
    void givenADeploymentProfileWithFieldKeys_whenStarted_thenThatKeyIsUsedAndNotTheDevelopmentKey() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=kubernetes",
                "--GRASSROOTS_FIELD_KEYS=" + DEPLOYMENT_RING)) {
            assertThat(context.getEnvironment().getProperty("grassroots.field-cipher.keys")).isEqualTo(DEPLOYMENT_RING);

            String stored = context.getBean(FieldCipher.class).encrypt("13812341234");
            assertThatThrownBy(() -> FieldCipher.fromSetting(DEV_RING).decrypt(stored))
                    .as("a phone stored in a deployment cannot be read with the published key")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
