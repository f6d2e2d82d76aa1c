package org.grassroots.caseservice.sla;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * China's public holidays and make-up working days for 2026, from the State Council General
 * Office's notice 《国务院办公厅关于2026年部分节假日安排的通知》 of 4 November 2025:
 * <ul>
 *   <li>元旦: 1–3 January off; Sunday 4 January worked.</li>
 *   <li>春节: 15–23 February off; Saturdays 14 and 28 February worked.</li>
 *   <li>清明节: 4–6 April off.</li>
 *   <li>劳动节: 1–5 May off; Saturday 9 May worked.</li>
 *   <li>端午节: 19–21 June off.</li>
 *   <li>中秋节: 25–27 September off.</li>
 *   <li>国庆节: 1–7 October off; Sunday 20 September and Saturday 10 October worked.</li>
 * </ul>
 * The holiday list holds every day off the notice names, weekends included, as the notice does.
 * It covers 2026 only: add the next year's notice (usually published in November) to the
 * configuration before the year turns, or its holidays will count as working days.
 */
public final class ChinaCalendar2026 {

    public static final List<LocalDate> HOLIDAYS = Stream.of(
                    days("2026-01-01", "2026-01-03"),
                    days("2026-02-15", "2026-02-23"),
                    days("2026-04-04", "2026-04-06"),
                    days("2026-05-01", "2026-05-05"),
                    days("2026-06-19", "2026-06-21"),
                    days("2026-09-25", "2026-09-27"),
                    days("2026-10-01", "2026-10-07"))
            .flatMap(List::stream)
            .toList();

    public static final List<LocalDate> MAKE_UP_WORKDAYS = Stream.of(
                    "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10")
            .map(LocalDate::parse)
            .toList();

    private ChinaCalendar2026() {
    }

    /** The same notice as a year of the holiday calendars (/api/calendars), seeded at start when 2026 is not there. */
    public static HolidayYear year() {
        return HolidayYear.parse(2026, List.of(
                new HolidayYear.Entry("元旦", "2026-01-01", "2026-01-03"),
                new HolidayYear.Entry("春节", "2026-02-15", "2026-02-23"),
                new HolidayYear.Entry("清明节", "2026-04-04", "2026-04-06"),
                new HolidayYear.Entry("劳动节", "2026-05-01", "2026-05-05"),
                new HolidayYear.Entry("端午节", "2026-06-19", "2026-06-21"),
                new HolidayYear.Entry("中秋节", "2026-09-25", "2026-09-27"),
                new HolidayYear.Entry("国庆节", "2026-10-01", "2026-10-07")),
                MAKE_UP_WORKDAYS.stream().map(LocalDate::toString).toList());
    }

    /** The default office calendar (Asia/Shanghai, 08:30-12:00 and 13:30-17:30, Monday to Friday) with the 2026 holidays. */
    public static WorkingCalendar calendar() {
        return settings().toCalendar();
    }

    /** The same as {@link #calendar()}, as settings, e.g. to show or export the defaults. */
    public static CalendarSettings settings() {
        return new CalendarSettings(WorkingCalendar.DEFAULT_ZONE.getId(),
                WorkingCalendar.DEFAULT_WORKING_PERIODS.stream().map(WorkingPeriod::toString).toList(),
                null, HOLIDAYS, MAKE_UP_WORKDAYS);
    }

    private static List<LocalDate> days(String first, String last) {
        return LocalDate.parse(first).datesUntil(LocalDate.parse(last).plusDays(1)).toList();
    }
}
