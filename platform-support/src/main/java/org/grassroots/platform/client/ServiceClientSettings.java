package org.grassroots.platform.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How one service calls another: where it answers, how long a call may take in all, how many times
 * a read is tried, how long between tries, and how long the circuit stays open once half of the last
 * {@code window} calls failed.
 */
public record ServiceClientSettings(URI url, Duration timeout, int readAttempts, Duration retryWait, Duration openFor,
        int window) {

    public ServiceClientSettings {
        Objects.requireNonNull(url, "url");
        timeout = timeout != null ? timeout : Duration.ofSeconds(3);
        readAttempts = Math.max(1, readAttempts);
        retryWait = retryWait != null ? retryWait : Duration.ofMillis(200);
        openFor = openFor != null ? openFor : Duration.ofSeconds(20);
        window = window > 0 ? window : 10;
    }
}
