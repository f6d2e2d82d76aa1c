package org.grassroots.caseservice.intake;

import java.net.URI;
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

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Locates a report's point to the deepest grid. Where case-service's own copy of the grids
 * ({@link GridBoundaries}, fed by {@code grid-events}) can answer, it does, with no call at all. Otherwise
 * (while that copy is still being read at start-up, or while a grid drawn before events carried
 * boundaries is in it) it asks grid-service ({@code GET /api/grids/locate}), relaying the reporter's own
 * token, through the platform's guarded {@link ServiceClient} (a time limit, a retry of the GET, and the
 * circuit breaker {@value #CIRCUIT} that stops asking a grid-service that keeps failing). Whatever goes
 * wrong, intake goes on: the answer is then an {@link Placement#unlocated unlocated} placement saying
 * why, and the case waits in the dispatchers' triage list. A point outside every grid is an answer, not
 * a failure.
 */
@Component
@EnableConfigurationProperties(GridServiceProperties.class)
public class GridLocator {

    /** The circuit breaker's name, as Resilience4j's registry and the actuator show it. */
    public static final String CIRCUIT = "grid-service";

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final GridBoundaries boundaries;
    private final ServiceClient grids;
    private final Counter answeredHere;
    private final Counter askedGridService;

    GridLocator(GridBoundaries boundaries, GridServiceProperties properties, Resilience4JCircuitBreakerFactory breakers,
            MeterRegistry meters) {
        this.boundaries = boundaries;
        this.answeredHere = located(meters, "case-service");
        this.askedGridService = located(meters, "grid-service");
        this.grids = new ServiceClient(CIRCUIT, new ServiceClientSettings(URI.create(properties.url()),
                properties.timeout(), properties.attempts(), properties.retryWait(), properties.waitInOpenState(),
                properties.slidingWindowSize()), breakers);
    }

    /** The grid holding {@code point}, or an unlocated placement with the reason. */
    public Placement locate(GeoPoint point, String bearerToken) {
        if (point == null) {
            return Placement.unlocated("no point was given");
        }
        Optional<Placement> here = boundaries.locate(point);
        if (here.isPresent()) {
            answeredHere.increment();
            return here.get();
        }
        askedGridService.increment();
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

    /** {@code grassroots_intake_locate_total{by=…}}: which copy of the grids answered, for operators and benchmarks. */
    private static Counter located(MeterRegistry meters, String by) {
        return Counter.builder("grassroots.intake.locate").tag("by", by)
                .description("Reports located, by whose copy of the grids").register(meters);
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
            List<String> ancestorCodes = ancestors == null ? List.of() : ancestors.stream().map(Ancestor::code).toList();
            return Placement.located(code, name, ancestorCodes, communityId, streetId, orgPath);
        }
    }

    record Ancestor(String code, String name, String level) {
    }
}
