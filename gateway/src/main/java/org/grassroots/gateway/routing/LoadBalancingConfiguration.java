package org.grassroots.gateway.routing;

import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Where {@code lb://<name>} routes find their instances, and the client that checks each one's readiness. */
@Configuration(proxyBeanMethods = false)
class LoadBalancingConfiguration {

    @Bean
    ReactiveDiscoveryClient configuredInstances(ServiceInstancesProperties properties) {
        return new ConfiguredInstances(properties);
    }

    /** The load balancer's readiness checks ask each instance through this; the gateway's routes do not use it. */
    @Bean
    WebClient.Builder loadBalancerHealthChecks() {
        return WebClient.builder();
    }
}
