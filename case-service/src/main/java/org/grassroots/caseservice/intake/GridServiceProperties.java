package org.grassroots.caseservice.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How case-service reaches grid-service to locate a report ({@code grassroots.grid-service.*}),
 * through the platform's {@code ServiceClient}: the whole call, retries included, takes at most
 * {@code attempts × timeout + (attempts − 1) × retryWait} before the case is filed unlocated.
 *
 * @param url               grid-service's base URL ({@code GRID_SERVICE_URL})
 * @param timeout           one try of the locate call
 * @param attempts          how many times the GET is tried (a locate is safe to repeat)
 * @param retryWait         the pause between attempts
 * @param slidingWindowSize how many recent calls the failure rate is measured over; half of them
 *                          must have been made, and half of those failed, to open the circuit
 * @param waitInOpenState   how long the circuit stays open before it lets a trial call through
 */
@ConfigurationProperties("grassroots.grid-service")
public record GridServiceProperties(
        @DefaultValue("http://localhost:8082") String url,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("2") int attempts,
        @DefaultValue("200ms") Duration retryWait,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("30s") Duration waitInOpenState) {
}
