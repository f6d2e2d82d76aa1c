package org.grassroots.systemtests;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.TestTokenIssuer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One service started in this JVM on a random port, against the shared broker, a database of its
 * own and the test token issuer. Settings are passed as command-line arguments, which win over
 * whichever service's {@code application.yml} the shared class path offers.
 */
final class RunningService implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static RunningService start(Class<?> application, String name) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.application.name=" + name,
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + PlatformInfrastructure.kafkaBootstrapServers(),
                "--spring.mongodb.uri=" + PlatformInfrastructure.mongoConnectionString(),
                "--spring.mongodb.database=system-" + name + "-" + System.nanoTime(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokenIssuer.issuer(),
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokenIssuer.jwkSetUri(),
                // platform-support's readiness group: a service's own (case-service adds its intake
                // warm-up) would name a part the other services do not have.
                "--management.endpoint.health.group.readiness.include=readinessState,mongo"));
        return new RunningService(new SpringApplicationBuilder(application).run(args.toArray(String[]::new)));
    }

    String baseUrl() {
        return "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
