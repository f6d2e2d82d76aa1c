package org.grassroots.caseservice.sla;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The working calendar the case time limits count on, from {@code grassroots.sla.calendar.*} (see
 * {@link CalendarSettings} for the shape). Every part left out takes the default of
 * {@link ChinaCalendar2026}: Asia/Shanghai, 08:30-12:00 and 13:30-17:30, Monday to Friday, with the
 * 2026 public holidays and make-up working days. A wrong setting stops the service at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class WorkingCalendarConfiguration {

    static final String PREFIX = "grassroots.sla.calendar";

    @Bean
    WorkingCalendar workingCalendar(Environment environment) {
        CalendarSettings defaults = ChinaCalendar2026.settings();
        CalendarSettings configured = Binder.get(environment).bind(PREFIX, CalendarSettings.class).orElse(defaults);
        return withDefaults(configured, defaults).toCalendar();
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
