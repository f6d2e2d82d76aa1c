package org.grassroots.gateway.routing;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Instances of a service that the gateway balances its calls over ({@code grassroots.gateway.instances.<name>}),
 * for a route whose address is {@code lb://<name>}: e.g. {@code CASE_SERVICE_URL=lb://cases} with
 * {@code GRASSROOTS_GATEWAY_INSTANCES_CASES=http://localhost:8083,http://localhost:8183}, as the local
 * platform runs a second case-service. In Kubernetes a Service spreads the calls over its pods itself,
 * so the routes keep plain {@code http://} addresses and this stays empty.
 *
 * @param instances service name → the base addresses of its instances
 */
@ConfigurationProperties("grassroots.gateway")
public record ServiceInstancesProperties(Map<String, List<URI>> instances) {

    public ServiceInstancesProperties {
        instances = instances == null ? Map.of() : Map.copyOf(instances);
        instances.forEach((service, addresses) -> {
            if (addresses.isEmpty()) {
                throw new IllegalArgumentException("grassroots.gateway.instances." + service + " names no address");
            }
            addresses.forEach(address -> {
                if (address.getScheme() == null || address.getHost() == null) {
                    throw new IllegalArgumentException("grassroots.gateway.instances." + service
                            + ": " + address + " is not an address like http://host:port");
                }
            });
        });
    }
}
