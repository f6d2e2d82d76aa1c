package org.grassroots.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.simple.reactive.SimpleReactiveDiscoveryProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The launcher names the instances of a balanced route in environment variables
 * ({@code CASE_SERVICE_INSTANCES=2}: the two case-services); Spring Cloud's simple discovery client
 * must read them as it reads {@code spring.cloud.discovery.client.simple.instances.cases[i].uri}.
 */
class SimpleDiscoveryFromEnvironmentTest {

    @Test
    void givenTheLaunchersEnvironmentForTwoCaseServices_whenBound_thenTheDiscoveryClientHasBothUnderCases() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        // Under the environment's own name, so Spring reads the names as it reads environment variables.
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_CASES_0_URI", "http://localhost:26083",
                "SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_CASES_1_URI", "http://localhost:26183")));
        ConfigurationPropertySources.attach(environment);

        SimpleReactiveDiscoveryProperties properties = Binder.get(environment)
                .bind("spring.cloud.discovery.client.simple", SimpleReactiveDiscoveryProperties.class)
                .get();
        properties.afterPropertiesSet();

        List<ServiceInstance> instances = properties.getInstances("cases").stream()
                .map(instance -> instance.toServiceInstance())
                .toList();
        assertThat(instances).extracting(ServiceInstance::getUri).extracting(Object::toString)
                .containsExactly("http://localhost:26083", "http://localhost:26183");
        assertThat(instances).extracting(ServiceInstance::getServiceId).containsOnly("cases");
        assertThat(instances).extracting(ServiceInstance::getPort).containsExactly(26083, 26183);
    }
}
