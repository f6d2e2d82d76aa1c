package org.grassroots.caseservice.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The working calendar as written in configuration, shaped so that {@code application.yml} can bind
 * to it, for example:
 *
 * <pre>
 * calendar:
 *   zone: Asia/Shanghai
 *   working-periods: ["08:30-12:00", "13:30-17:30"]
 *   working-weekdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
 *   holidays: [2026-01-01, 2026-01-02, 2026-01-03]
 *   make-up-workdays: [2026-01-04]
 * </pre>
 *
 * Every part may be left out (null), which keeps the default of {@link WorkingCalendar#builder()}:
 * Asia/Shanghai, 08:30-12:00 and 13:30-17:30, Monday to Friday, no holidays.
 *
 * @param zone            an IANA time zone id, e.g. {@code Asia/Shanghai}
 * @param workingPeriods  periods of a working day as {@code HH:mm-HH:mm}
 * @param workingWeekdays the weekdays that are worked unless they are holidays
 * @param holidays        public holidays, including the weekdays moved next to them (调休放假)
 * @param makeUpWorkdays  weekend days worked instead (调休上班)
 */
public record CalendarSettings(
        String zone,
        List<String> workingPeriods,
        List<DayOfWeek> workingWeekdays,
        List<LocalDate> holidays,
        List<LocalDate> makeUpWorkdays) {

    /** Builds the calendar, or throws {@link IllegalArgumentException} saying which setting is wrong. */
    public WorkingCalendar toCalendar() {
        WorkingCalendar.Builder builder = WorkingCalendar.builder();
        if (zone != null) {
            builder.zone(zoneOf(zone));
        }
        if (workingPeriods != null) {
            builder.workingPeriods(workingPeriods.stream().map(WorkingPeriod::parse).toList());
        }
        if (workingWeekdays != null) {
            builder.workingWeekdays(Set.copyOf(workingWeekdays));
        }
        if (holidays != null) {
            builder.holidays(holidays);
        }
        if (makeUpWorkdays != null) {
            builder.makeUpWorkdays(makeUpWorkdays);
        }
        return builder.build();
    }

    private static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("time zone '" + zone + "' is not known: use an id such as Asia/Shanghai", e);
        }
    }
}
