package org.grassroots.orgservice.stations;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.grassroots.platform.domain.InvalidFieldException;

/**
 * The days and the hours a station is open, in the district's local time. {@code closes} 00:00 means
 * "until midnight", so 00:00–00:00 is the whole day (a 24-hour courier station).
 */
public record OpeningPeriod(Set<DayOfWeek> days, LocalTime opens, LocalTime closes) {

    public OpeningPeriod {
        if (days == null || days.isEmpty()) {
            throw new InvalidFieldException("hours.days", "name at least one day");
        }
        if (opens == null || closes == null) {
            throw new InvalidFieldException("hours", "need both opens and closes");
        }
        if (!closes.equals(LocalTime.MIDNIGHT) && !closes.isAfter(opens)) {
            throw new InvalidFieldException("hours.closes", "must be after opens (00:00 for midnight)");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean covers(LocalDateTime local) {
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(opens)
                && (closes.equals(LocalTime.MIDNIGHT) || time.isBefore(closes));
    }
}
