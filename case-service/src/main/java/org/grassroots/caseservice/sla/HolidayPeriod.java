package org.grassroots.caseservice.sla;

import java.time.LocalDate;
import java.util.List;

/**
 * One holiday of a year's calendar as the State Council's notice gives it: its name and its first
 * and last day off, weekends included (春节: 2026-02-15 to 2026-02-23).
 */
public record HolidayPeriod(String name, LocalDate from, LocalDate to) {

    public List<LocalDate> days() {
        return from.datesUntil(to.plusDays(1)).toList();
    }

    boolean overlaps(HolidayPeriod other) {
        return !from.isAfter(other.to) && !other.from.isAfter(to);
    }

    boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
