package org.grassroots.volunteerservice.wishes;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where case-service answers ({@code grassroots.case-service.url}, from {@code CASE_SERVICE_URL}) and
 * how long a referral waits for it.
 */
@ConfigurationProperties("grassroots.case-service")
public record CaseServiceProperties(String url, Duration timeout) {

    public CaseServiceProperties {
        url = url == null || url.isBlank() ? "http://localhost:8083" : url.strip();
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
    }
}
