package org.grassroots.gateway.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission at the front door ({@code grassroots.gateway.admission.*}): how much work the gateway
 * lets in at once, and how long a request may wait for a place, so that a storm is answered at once
 * instead of queueing until callers time out.
 *
 * @param maxInFlight API requests inside the gateway at once (0: no limit); beyond it a request waits
 *                    for a place or is answered 503 with {@code Retry-After} before any other work is
 *                    done for it
 * @param retryAfter  what that answer tells the caller to wait
 * @param maxWaiting  requests that may wait for a place at once, in the order they came (0: none
 *                    waits; the next is answered at once)
 * @param maxWait     how long one waits before it is answered 503 after all; no longer than
 *                    {@code retryAfter}, which is what the caller would otherwise have waited
 */
@ConfigurationProperties("grassroots.gateway.admission")
public record AdmissionProperties(int maxInFlight, Duration retryAfter, int maxWaiting, Duration maxWait) {

    public AdmissionProperties {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("grassroots.gateway.admission.max-in-flight must be 0 (no limit) or more");
        }
        if (maxWaiting < 0) {
            throw new IllegalArgumentException("grassroots.gateway.admission.max-waiting must be 0 (none waits) or more");
        }
        if (retryAfter == null || retryAfter.isNegative() || retryAfter.isZero()) {
            retryAfter = Duration.ofSeconds(2);
        }
        if (maxWait == null || maxWait.isNegative()) {
            maxWait = Duration.ZERO;
        }
        if (maxWait.compareTo(retryAfter) > 0) {
            throw new IllegalArgumentException("grassroots.gateway.admission.max-wait must not be longer than retry-after ("
                    + retryAfter + "): a request would wait longer than a caller told to come back");
        }
    }

    boolean waits() {
        return maxWaiting > 0 && !maxWait.isZero();
    }
}
