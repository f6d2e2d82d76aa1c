package org.grassroots.gateway.routing;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How each route's circuit breaker ({@code grassroots.gateway.circuit-breaker.*}) treats its service.
 * Every route gets its own breaker, named after the service, with these settings.
 *
 * @param timeout              longest wait for a service's answer before the fallback answers instead
 * @param failureRateThreshold percentage of failed calls in the window that opens the breaker
 * @param slidingWindowSize    number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls calls needed in the window before the failure rate counts
 * @param waitInOpenState      how long an open breaker rejects calls before trying the service again
 * @param maxConcurrentCalls   calls to one service in flight at once; beyond that the fallback answers.
 *                             The starter puts a bulkhead in front of every breaker whose own default
 *                             (25) would turn away an ordinary burst of traffic.
 * @param photoUploadTimeout   the time limit of the breaker {@value #PHOTO_UPLOADS} alone: photo uploads
 *                             (up to 95 MB from a phone) take longer to send than any other call
 */
@ConfigurationProperties("grassroots.gateway.circuit-breaker")
public record CircuitBreakerProperties(
        Duration timeout,
        float failureRateThreshold,
        int slidingWindowSize,
        int minimumNumberOfCalls,
        Duration waitInOpenState,
        int maxConcurrentCalls,
        Duration photoUploadTimeout) {

    /** The breaker of the photo upload route, in front of case-service. */
    public static final String PHOTO_UPLOADS = "case-service-photo-uploads";

    public CircuitBreakerProperties {
        if (photoUploadTimeout == null) {
            photoUploadTimeout = timeout;
        }
    }
}
