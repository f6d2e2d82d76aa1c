package org.grassroots.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission at the front door ({@code grassroots.gateway.admission.*}): how much work the gateway
 * lets in at once, so that a storm is answered at once instead of queueing until callers time out.
 *
 * @param maxInFlight API requests inside the gateway at once (0: no limit); beyond it a request is
 *                    answered 503 with {@code Retry-After} before any other work is done for it
 * @param retryAfter  what that answer tells the caller to wait
 */
@ConfigurationProperties("grassroots.gateway.admission")
public record AdmissionProperties(int maxInFlight, Duration retryAfter) {

    public AdmissionProperties {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("grassroots.gateway.admission.max-in-flight must be 0 (no limit) or more");
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofSeconds(2);
        }
    }
}
