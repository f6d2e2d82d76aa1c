package org.grassroots.orgservice.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Where the phone key comes from, read through org-service's real application.yml and profiles: the
 * published development key exists for the default profile 'local' only, so a deployment that sets its
 * own profile and forgets ORG_PHONE_KEY fails at start-up instead of encrypting phones with a public key.
 */
class PhoneKeyProfilesTest {

    private static final String DEV_KEY = "bG9jYWwtZGV2LW9ubHktZ3Jhc3Nyb290cy1rZXktMzI=";
    private static final String DEPLOYMENT_KEY = "a3ViZXJuZXRlcy1vbmx5LWdyYXNzcm9vdHMta2V5MzI=";

    /**
     * Only the cipher, the configuration files and, as in the service, strict placeholder resolution: no
     * MongoDB, Kafka or web server is started.
     */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(PropertyPlaceholderAutoConfiguration.class)
    @Import(PhoneCipher.class)
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
            assertThat(context.getEnvironment().getProperty("grassroots.org.phone-key")).isEqualTo(DEV_KEY);

            PhoneCipher cipher = context.getBean(PhoneCipher.class);
            assertThat(cipher.decrypt(cipher.encrypt("13812341234"))).isEqualTo("13812341234");
        }
    }

    @Test
    void givenADeploymentProfileWithoutOrgPhoneKey_whenStarted_thenItRefusesToStartNamingTheVariable() {
        assertThatThrownBy(() -> start("--spring.profiles.active=kubernetes").close())
                .hasStackTraceContaining("Could not resolve placeholder 'ORG_PHONE_KEY'");
    }

    @Test
    void givenADeploymentProfileWithOrgPhoneKey_whenStarted_thenThatKeyIsUsedAndNotTheDevelopmentKey() {
        try (ConfigurableApplicationContext context = start("--spring.profiles.active=kubernetes",
                "--ORG_PHONE_KEY=" + DEPLOYMENT_KEY)) {
            assertThat(context.getEnvironment().getProperty("grassroots.org.phone-key")).isEqualTo(DEPLOYMENT_KEY);

            String stored = context.getBean(PhoneCipher.class).encrypt("13812341234");
            assertThatThrownBy(() -> new PhoneCipher(DEV_KEY).decrypt(stored))
                    .as("a phone stored in a deployment cannot be read with the published key")
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
