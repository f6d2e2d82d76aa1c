package org.grassroots.testsupport;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformInfrastructureInitializerIT {

    @Test
    void givenAContext_whenInitialized_thenItPointsAtTheSharedInfrastructureAndTheTestIssuer() {
        ConfigurableEnvironment environment = initialized(new GenericApplicationContext()).getEnvironment();

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(PlatformInfrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("earliest");
        assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo(PlatformInfrastructure.mongoConnectionString());
        assertThat(environment.getProperty("spring.mongodb.database")).matches("test-[0-9a-f]{8}");
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo(TestTokenIssuer.issuer());
        assertThat(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"))
                .isEqualTo(TestTokenIssuer.jwkSetUri());
    }

    @Test
    void givenTwoContexts_whenInitialized_thenEachGetsADatabaseOfItsOwn() {
        String first = initialized(new GenericApplicationContext()).getEnvironment().getProperty("spring.mongodb.database");
        String second = initialized(new GenericApplicationContext()).getEnvironment().getProperty("spring.mongodb.database");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void givenApplicationAndTestProperties_whenInitialized_thenItOverridesTheApplicationsButNotWhatTheTestDeclares() {
        GenericApplicationContext context = new GenericApplicationContext();
        var sources = context.getEnvironment().getPropertySources();
        sources.addLast(new MapPropertySource("application.yml", Map.of(
                "spring.kafka.bootstrap-servers", "kafka.example:9092",
                "spring.mongodb.database", "case-service")));
        sources.addFirst(new MapPropertySource(TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, Map.of(
                "spring.kafka.consumer.auto-offset-reset", "latest")));

        ConfigurableEnvironment environment = initialized(context).getEnvironment();

        assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
                .isEqualTo(PlatformInfrastructure.kafkaBootstrapServers());
        assertThat(environment.getProperty("spring.mongodb.database")).startsWith("test-");
        assertThat(environment.getProperty("spring.kafka.consumer.auto-offset-reset")).isEqualTo("latest");
    }

    private static GenericApplicationContext initialized(GenericApplicationContext context) {
        new PlatformInfrastructureInitializer().initialize(context);
        return context;
    }
}
