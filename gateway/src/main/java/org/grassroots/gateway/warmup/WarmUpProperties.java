package org.grassroots.gateway.warmup;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The warm-up before the gateway reports ready ({@code grassroots.gateway.warm-up.*}).
 *
 * @param requests    requests the gateway sends its own front door (0: no warm-up, ready at once)
 * @param concurrency how many of them at a time
 * @param maxDuration ready after this long whatever was sent: a warm-up never keeps a gateway out of
 *                    service for good
 * @param throughPath a path the gateway proxies to a service without a token and that only reads
 *                    (empty: none), for the second part of the warm-up
 * @param throughRequests requests sent there once the front door is warm, if its first is answered 200
 */
@ConfigurationProperties("grassroots.gateway.warm-up")
public record WarmUpProperties(int requests, int concurrency, Duration maxDuration, String throughPath,
        int throughRequests) {

    public WarmUpProperties {
        if (requests < 0) {
            throw new IllegalArgumentException("grassroots.gateway.warm-up.requests must be 0 (no warm-up) or more");
        }
        if (concurrency < 1) {
            concurrency = 4;
        }
        if (maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            maxDuration = Duration.ofSeconds(60);
        }
        if (throughRequests < 0) {
            throw new IllegalArgumentException("grassroots.gateway.warm-up.through-requests must be 0 (none) or more");
        }
        if (throughPath == null || throughPath.isBlank()) {
            throughPath = "";
            throughRequests = 0;
        } else if (!throughPath.startsWith("/")) {
            throw new IllegalArgumentException("grassroots.gateway.warm-up.through-path must begin with /");
        }
    }
}
