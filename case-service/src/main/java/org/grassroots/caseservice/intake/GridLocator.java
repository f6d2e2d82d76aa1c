package org.grassroots.caseservice.intake;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.grassroots.contracts.cases.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

/**
 * Locates a report's point to the deepest grid by asking grid-service ({@code GET /api/grids/locate}),
 * relaying the reporter's own token. The call is guarded: a time limit on the whole call, a retry of
 * the GET (locating is safe to repeat) and a circuit breaker ({@value #CIRCUIT}) that stops asking
 * a grid-service that keeps failing. Whatever goes wrong, intake goes on: the answer is then an
 * {@link Placement#unlocated unlocated} placement saying why, and the case waits in the dispatchers'
 * triage list. A point outside every grid (404) is an answer, not a failure of grid-service.
 */
@Component
public class GridLocator {

    /** The circuit breaker's name, as Resilience4j's registry and the actuator show it. */
    public static final String CIRCUIT = "grid-service";

    private static final Logger log = LoggerFactory.getLogger(GridLocator.class);

    private final RestClient grids;
    private final CircuitBreaker circuit;
    private final Retry retry;

    GridLocator(GridServiceProperties properties, CircuitBreakerFactory<?, ?> circuits) {
        // The time limiter bounds the whole call; the HTTP time-outs only free the connection after it.
        // Retries help against quick failures (refused connections, 5xx), not against a hang.
        HttpClient http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout().plusSeconds(1));
        this.grids = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
        this.circuit = circuits.create(CIRCUIT);
        this.retry = Retry.of(CIRCUIT, RetryConfig.custom()
                .maxAttempts(Math.max(1, properties.attempts()))
                .waitDuration(properties.retryWait())
                // A 4xx answer will not change on a second try.
                .ignoreExceptions(HttpClientErrorException.class)
                .build());
    }

    /** The grid holding {@code point}, or an unlocated placement with the reason. */
    public Placement locate(GeoPoint point, String bearerToken) {
        if (point == null) {
            return Placement.unlocated("no point was given");
        }
        return circuit.run(() -> retry.executeSupplier(() -> ask(point, bearerToken)), GridLocator::unavailable);
    }

    private Placement ask(GeoPoint point, String bearerToken) {
        try {
            LocatedGrid grid = grids.get()
                    .uri(uri -> uri.path("/api/grids/locate").queryParam("lon", point.lon())
                            .queryParam("lat", point.lat()).build())
                    .headers(headers -> {
                        if (bearerToken != null) {
                            headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
                        }
                    })
                    .retrieve()
                    .body(LocatedGrid.class);
            if (grid == null || grid.code() == null || grid.orgPath() == null) {
                throw new IllegalStateException("grid-service answered without a grid");
            }
            return grid.toPlacement();
        } catch (HttpClientErrorException.NotFound outside) {
            return Placement.unlocated(Placement.OUTSIDE_EVERY_GRID);
        }
    }

    private static Placement unavailable(Throwable failure) {
        String reason;
        if (failure instanceof CallNotPermittedException) {
            reason = "grid-service is not being asked for a while (circuit open) after repeated failures";
        } else if (failure instanceof TimeoutException) {
            reason = "grid-service did not answer in time";
        } else if (failure instanceof HttpClientErrorException clientError
                && clientError.getStatusCode() != HttpStatus.NOT_FOUND) {
            reason = "grid-service refused the request (" + clientError.getStatusCode().value() + ")";
        } else {
            reason = "grid-service is unavailable";
        }
        log.warn("Report filed unlocated: {} ({})", reason, failure.getClass().getSimpleName());
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
