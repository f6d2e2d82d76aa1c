package org.grassroots.gateway.routing;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The client that checks the readiness of each instance an {@code lb://<name>} route goes round.
 * The instances themselves come from Spring Cloud's simple discovery client,
 * {@code spring.cloud.discovery.client.simple.instances.<name>[i].uri} (the launcher sets them from
 * its environment: {@code SPRING_CLOUD_DISCOVERY_CLIENT_SIMPLE_INSTANCES_CASES_0_URI} and {@code _1_URI}).
 */
@Configuration(proxyBeanMethods = false)
class LoadBalancingConfiguration {

    /** The load balancer's readiness checks ask each instance through this; the gateway's routes do not use it. */
    @Bean
    WebClient.Builder loadBalancerHealthChecks() {
        return WebClient.builder();
    }
}
