package org.grassroots.caseservice.cases.web;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The intake warm-up before case-service reports ready ({@code grassroots.intake-warm-up.*}).
 *
 * @param reports     reports rehearsed (0: no warm-up, ready at once)
 * @param concurrency how many at a time
 * @param maxDuration ready after this long whatever was rehearsed: a warm-up never keeps the service
 *                    out of service for good
 */
@ConfigurationProperties("grassroots.intake-warm-up")
public record IntakeWarmUpProperties(int reports, int concurrency, Duration maxDuration) {

    public IntakeWarmUpProperties {
        if (reports < 0) {
            throw new IllegalArgumentException("grassroots.intake-warm-up.reports must be 0 (no warm-up) or more");
        }
        if (concurrency < 1) {
            concurrency = 2;
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            maxDuration = Duration.ofSeconds(60);
        }
    }
}
