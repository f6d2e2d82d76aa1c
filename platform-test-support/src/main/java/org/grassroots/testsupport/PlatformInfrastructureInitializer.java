package org.grassroots.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Points a Spring context at the shared test infrastructure: the JVM's Kafka broker, the JVM's
 * MongoDB store with a database of the context's own, and {@link TestTokenIssuer} as the token
 * issuer.
 *
 * <p>These properties override the application's configuration, system properties and the
 * environment, but not what the test itself declares ({@code @SpringBootTest(properties = ...)},
 * {@code @TestPropertySource}, {@code @DynamicPropertySource}): a test that points the service at a
 * {@link RestartableKafka} still wins.
 */
public class PlatformInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PROPERTY_SOURCE_NAME = "grassrootsTestInfrastructure";

    /** Spring's name for the {@code @DynamicPropertySource} values (package-private there). */
    private static final String DYNAMIC_PROPERTIES_SOURCE_NAME = "Dynamic Test Properties";

    private static final List<String> TEST_DECLARED_SOURCES = List.of(
            DYNAMIC_PROPERTIES_SOURCE_NAME, TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", PlatformInfrastructure.kafkaBootstrapServers());
        properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        properties.put("spring.mongodb.uri", PlatformInfrastructure.mongoConnectionString());
        // One database per context: contexts in the same JVM share the store but not the data.
        properties.put("spring.mongodb.database", "test-" + UUID.randomUUID().toString().substring(0, 8));
        properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestTokenIssuer.issuer());
        properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokenIssuer.jwkSetUri());

        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource infrastructure = new MapPropertySource(PROPERTY_SOURCE_NAME, properties);
        String lowestTestSource = null;
        for (String name : TEST_DECLARED_SOURCES) {
            if (sources.contains(name) && (lowestTestSource == null
                    || sources.precedenceOf(sources.get(name)) > sources.precedenceOf(sources.get(lowestTestSource)))) {
                lowestTestSource = name;
            }
        }
        if (lowestTestSource != null) {
            sources.addAfter(lowestTestSource, infrastructure);
        }
        else {
            sources.addFirst(infrastructure);
        }
    }
}
