package org.grassroots.volunteerservice.points;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Which ledger year a moment belongs to: the calendar year in the district's time zone, so a
 * deed at 23:30 on 31 December in Huai'an counts for that year, not the next.
 */
@Component
@EnableConfigurationProperties(PointsProperties.class)
public class LedgerCalendar {

    private final Clock clock;
    private final ZoneId zone;

    public LedgerCalendar(Clock clock, PointsProperties properties) {
        this.clock = clock;
        this.zone = properties.zone();
    }

    public int yearOf(Instant instant) {
        return instant.atZone(zone).getYear();
    }

    public int currentYear() {
        return yearOf(clock.instant());
    }

    public Instant now() {
        return clock.instant();
    }
}
