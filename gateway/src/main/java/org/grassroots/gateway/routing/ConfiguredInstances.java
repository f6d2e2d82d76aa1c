package org.grassroots.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;

import reactor.core.publisher.Flux;

/**
 * The instances {@link ServiceInstancesProperties} names, as the load balancer asks for them. The
 * balancer goes round them and leaves out an instance whose readiness check fails (checked every few
 * seconds, {@code spring.cloud.loadbalancer.health-check}), so a stopped instance costs at most the
 * calls of one interval: a read among them is retried on the next instance, a write answered 503.
 */
class ConfiguredInstances implements ReactiveDiscoveryClient {

    private final Map<String, List<ServiceInstance>> instances;

    ConfiguredInstances(ServiceInstancesProperties properties) {
        this.instances = properties.instances().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, entry -> instancesOf(entry.getKey(), entry.getValue())));
    }

    private static List<ServiceInstance> instancesOf(String service, List<URI> addresses) {
        return addresses.stream()
                .<ServiceInstance>map(address -> new DefaultServiceInstance(service + "@" + address.getAuthority(),
                        service, address.getHost(), port(address), "https".equals(address.getScheme())))
                .toList();
    }

    private static int port(URI address) {
        if (address.getPort() != -1) {
            return address.getPort();
        }
        return "https".equals(address.getScheme()) ? 443 : 80;
    }

    @Override
    public String description() {
        return "instances named in grassroots.gateway.instances";
    }

    @Override
    public Flux<ServiceInstance> getInstances(String serviceId) {
        return Flux.fromIterable(instances.getOrDefault(serviceId, List.of()));
    }

    @Override
    public Flux<String> getServices() {
        return Flux.fromIterable(instances.keySet());
    }
}
