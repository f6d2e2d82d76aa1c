package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class WorkingCalendarConfigurationTest {

    @Test
    void givenNoSettings_thenTheCalendarIsChinas2026OfficeCalendar() {
        HolidayYears years = new HolidayYears();
        years.replaceAll(List.of(ChinaCalendar2026.year()));
        WorkingCalendar calendar = new WorkingCalendarConfiguration().workingCalendar(new MockEnvironment(), years);

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.workingPeriods()).extracting(WorkingPeriod::toString)
                .containsExactly("08:30-12:00", "13:30-17:30");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isTrue();
    }

    @Test
    void givenASetting_whenTheCalendarIsBuilt_thenItReplacesItsDefaultAndTheOthersStay() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("grassroots.sla.calendar.working-periods[0]", "09:00-12:00")
                .withProperty("grassroots.sla.calendar.working-periods[1]", "14:00-18:00");

        HolidayYears years = new HolidayYears();
        years.replaceAll(List.of(ChinaCalendar2026.year()));
        WorkingCalendar calendar = new WorkingCalendarConfiguration().workingCalendar(environment, years);

        assertThat(calendar.workingPeriods()).extracting(WorkingPeriod::toString)
                .containsExactly("09:00-12:00", "14:00-18:00");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isFalse();
    }

    @Test
    void givenNoYearEntered_whenTheCalendarIsAskedAboutAHolidayWeekday_thenItCountsWeekdaysOnly() {
        WorkingCalendar calendar = new WorkingCalendarConfiguration().workingCalendar(new MockEnvironment(),
                new HolidayYears());

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-05"))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).isFalse();
    }
}
