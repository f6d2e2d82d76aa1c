package org.grassroots.caseservice.intake;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.client.ServiceCallException;
import org.grassroots.platform.client.ServiceClient;
import org.grassroots.platform.client.ServiceClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Locates a report's point to the deepest grid by asking grid-service ({@code GET /api/grids/locate}),
 * relaying the reporter's own token, through the platform's guarded {@link ServiceClient} (a time
 * limit, a retry of the GET, and the circuit breaker {@value #CIRCUIT} that stops asking a
 * grid-service that keeps failing). Whatever goes wrong, intake goes on: the answer is then an
 * {@link Placement#unlocated unlocated} placement saying why, and the case waits in the dispatchers'
 * triage list. A point outside every grid (404) is an answer, not a failure of grid-service.
 */
@Component
@EnableConfigurationProperties(GridServiceProperties.class)
public class GridLocator {

    /** The circuit breaker's name, as Resilience4j's registry and the actuator show it. */
    public static final String CIRCUIT = "grid-service";

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final ServiceClient grids;

    GridLocator(GridServiceProperties properties, Resilience4JCircuitBreakerFactory breakers) {
        this.grids = new ServiceClient(CIRCUIT, new ServiceClientSettings(URI.create(properties.url()),
                properties.timeout(), properties.attempts(), properties.retryWait(), properties.waitInOpenState(),
                properties.slidingWindowSize()), breakers);
    }

    /** The grid holding {@code point}, or an unlocated placement with the reason. */
    public Placement locate(GeoPoint point, String bearerToken) {
        if (point == null) {
            return Placement.unlocated("no point was given");
        }
        Optional<LocatedGrid> grid;
        try {
            grid = grids.read(bearerToken, LocatedGrid.class, "/api/grids/locate?lon={lon}&lat={lat}",
                    point.lon(), point.lat());
        } catch (ServiceCallException failure) {
            return unavailable(failure);
        }
        if (grid.isEmpty()) {
            return Placement.unlocated(Placement.OUTSIDE_EVERY_GRID);
        }
        if (grid.get().code() == null || grid.get().orgPath() == null) {
            return unavailable("grid-service answered without a grid");
        }
        return grid.get().toPlacement();
    }

    private static Placement unavailable(ServiceCallException failure) {
        return unavailable(failure.isUnavailable() ? failure.getMessage()
                : "grid-service refused the request (" + failure.status() + ")");
    }

    private static Placement unavailable(String reason) {
        log.warn("Report filed unlocated: {}", reason);
        return Placement.unlocated(reason);
    }

    /** grid-service's answer, as far as case-service reads it. */
    record LocatedGrid(String code, String name, String level, List<Ancestor> ancestors, String communityId,
            String streetId, String orgPath) {

        Placement toPlacement() {
            List<String> codes = new ArrayList<>();
            if (ancestors != null) {
                ancestors.forEach(ancestor -> codes.add(ancestor.code()));
            }
            codes.add(code);
            return new Placement(code, name, codes, communityId, streetId, orgPath, null);
        }
    }

    record Ancestor(String code, String name, String level) {
    }
}
