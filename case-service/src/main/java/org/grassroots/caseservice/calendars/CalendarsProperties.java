package org.grassroots.caseservice.calendars;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often an instance reads the holiday calendars again to see other instances' changes
 * ({@code grassroots.calendars.reload}, a minute unless set).
 */
@ConfigurationProperties("grassroots.calendars")
public record CalendarsProperties(Duration reload) {

    public CalendarsProperties {
        reload = reload == null || reload.isZero() || reload.isNegative() ? Duration.ofMinutes(1) : reload;
    }
}
