package org.grassroots.caseservice.sla;

import java.util.List;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The working calendar the case time limits count on, from {@code grassroots.sla.calendar.*} (see
 * {@link CalendarSettings} for the shape). Every part left out takes the default of
 * {@link ChinaCalendar2026}: Asia/Shanghai, 08:30-12:00 and 13:30-17:30, Monday to Friday. The
 * public holidays and make-up working days are data, per year ({@link HolidayYears}, managed through
 * /api/calendars; 2026 is seeded at start); a year not entered counts weekends only. A wrong setting
 * stops the service at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class WorkingCalendarConfiguration {

    static final String PREFIX = "grassroots.sla.calendar";

    /** The holidays entered per year through /api/calendars, loaded and kept fresh by the calendars feature. */
    @Bean
    HolidayYears holidayYears() {
        return new HolidayYears();
    }

    /**
     * The office calendar, reading the public holidays and make-up working days per year from
     * {@code years} (2026 is seeded there at start); holidays in the settings still count on top.
     */
    @Bean
    WorkingCalendar workingCalendar(Environment environment, HolidayYears years) {
        CalendarSettings office = ChinaCalendar2026.settings();
        CalendarSettings defaults = new CalendarSettings(office.zone(), office.workingPeriods(),
                office.workingWeekdays(), List.of(), List.of());
        CalendarSettings configured = Binder.get(environment).bind(PREFIX, CalendarSettings.class).orElse(defaults);
        return withDefaults(configured, defaults).toCalendar().withHolidayYears(years);
    }

    static CalendarSettings withDefaults(CalendarSettings configured, CalendarSettings defaults) {
        return new CalendarSettings(
                configured.zone() != null ? configured.zone() : defaults.zone(),
                configured.workingPeriods() != null ? configured.workingPeriods() : defaults.workingPeriods(),
                configured.workingWeekdays() != null ? configured.workingWeekdays() : defaults.workingWeekdays(),
                configured.holidays() != null ? configured.holidays() : defaults.holidays(),
                configured.makeUpWorkdays() != null ? configured.makeUpWorkdays() : defaults.makeUpWorkdays());
    }
}
