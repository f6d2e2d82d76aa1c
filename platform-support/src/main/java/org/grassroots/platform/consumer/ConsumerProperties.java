package org.grassroots.platform.consumer;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a failing record is retried before it is parked on the topic's dead-letter topic.
 *
 * @param initialInterval first wait before a retry
 * @param multiplier      growth of the wait between retries
 * @param maxInterval     longest wait between retries
 * @param maxRetries      retries before the record goes to {@code <topic>.DLT}
 */
@ConfigurationProperties("grassroots.consumer.retry")
public record ConsumerProperties(Duration initialInterval, Double multiplier, Duration maxInterval, Integer maxRetries) {

    public ConsumerProperties {
        initialInterval = initialInterval == null ? Duration.ofMillis(500) : initialInterval;
        multiplier = multiplier == null ? 2.0 : multiplier;
        maxInterval = maxInterval == null ? Duration.ofSeconds(10) : maxInterval;
        maxRetries = maxRetries == null ? 5 : maxRetries;
    }
}
