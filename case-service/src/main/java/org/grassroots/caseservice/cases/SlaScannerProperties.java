package org.grassroots.caseservice.cases;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SLA scanner's settings ({@code grassroots.sla.scanner}).
 *
 * @param interval how often it looks for cases at 50%, 75% or overdue
 * @param lease    how long an instance holds a case it is looking at before another may take it over
 * @param enabled  whether this instance scans at all
 */
@ConfigurationProperties("grassroots.sla.scanner")
public record SlaScannerProperties(Duration interval, Duration lease, Boolean enabled) {

    public SlaScannerProperties {
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        enabled = enabled == null || enabled;
    }
}
