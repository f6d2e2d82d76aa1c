package org.grassroots.caseservice.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How case-service reaches grid-service to locate a report ({@code grassroots.grid-service.*}).
 *
 * @param url                  grid-service's base URL ({@code GRID_SERVICE_URL})
 * @param timeout              the whole locate call, retries included, before the case is filed unlocated
 * @param attempts             how many times the GET is tried (a locate is safe to repeat)
 * @param retryWait            the pause between attempts
 * @param failureRateThreshold percent of failed calls in the window that opens the circuit
 * @param slidingWindowSize    how many recent calls the failure rate is measured over
 * @param minimumNumberOfCalls calls needed before the failure rate counts
 * @param waitInOpenState      how long the circuit stays open before it lets a trial call through
 */
@ConfigurationProperties("grassroots.grid-service")
public record GridServiceProperties(
        @DefaultValue("http://localhost:8082") String url,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("2") int attempts,
        @DefaultValue("200ms") Duration retryWait,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int slidingWindowSize,
        @DefaultValue("4") int minimumNumberOfCalls,
        @DefaultValue("30s") Duration waitInOpenState) {
}
