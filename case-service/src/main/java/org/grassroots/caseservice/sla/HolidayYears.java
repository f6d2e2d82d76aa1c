package org.grassroots.caseservice.sla;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The years whose holidays are configured, as the working calendar reads them: kept in memory,
 * replaced whole when the stored calendars change, so a deadline computation reads one consistent
 * snapshot without touching the store. A year that is not here counts weekends only.
 */
public final class HolidayYears {

    private record Year(HolidayYear entered, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkdays) {
    }

    private volatile Map<Integer, Year> byYear = Map.of();

    /** Replaces every year with {@code years}. */
    public void replaceAll(Collection<HolidayYear> years) {
        Map<Integer, Year> next = new HashMap<>();
        years.forEach(year -> next.put(year.year(), new Year(year, year.daysOff(), Set.copyOf(year.makeUpWorkdays()))));
        byYear = Map.copyOf(next);
    }

    public boolean isConfigured(int year) {
        return byYear.containsKey(year);
    }

    /** The configured years, in order. */
    public List<HolidayYear> all() {
        Map<Integer, HolidayYear> sorted = new TreeMap<>();
        byYear.forEach((year, entry) -> sorted.put(year, entry.entered()));
        return List.copyOf(sorted.values());
    }

    public Optional<HolidayYear> year(int year) {
        return Optional.ofNullable(byYear.get(year)).map(Year::entered);
    }

    /**
     * Whether the day is worked, when its year is configured and the day is a holiday (false) or a
     * make-up working day (true); empty otherwise, and the weekday decides.
     */
    Optional<Boolean> workingDay(LocalDate date) {
        Year year = byYear.get(date.getYear());
        if (year == null) {
            return Optional.empty();
        }
        if (year.daysOff().contains(date)) {
            return Optional.of(false);
        }
        return year.makeUpWorkdays().contains(date) ? Optional.of(true) : Optional.empty();
    }
}
