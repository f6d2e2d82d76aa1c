package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.grassroots.caseservice.sla.Shanghai.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class CalendarSettingsTest {

    @Test
    void givenEmptySettings_whenTurnedIntoACalendar_thenTheDefaultsApply() {
        WorkingCalendar calendar = new CalendarSettings(null, null, null, null, null).toCalendar();

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(calendar.workingPeriods()).hasToString("[08:30-12:00, 13:30-17:30]");
        assertThat(calendar.isWorkingTime(at("2026-03-02T09:00"))).isTrue();
        assertThat(calendar.isWorkingTime(at("2026-03-02T12:30"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();
    }

    @Test
    void givenOwnPeriodsAndASixDayWeek_whenTurnedIntoACalendar_thenTheyAreUsed() {
        WorkingCalendar calendar = new CalendarSettings("Asia/Urumqi", List.of("09:00-13:00", "15:00-19:00"),
                List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY),
                List.of(), List.of()).toCalendar();

        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(calendar.workingDayLength()).isEqualTo(Duration.ofHours(8));
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-03-07"))).isTrue();
    }

    @Test
    void givenAMisspelledPeriod_whenTurnedIntoACalendar_thenTheMessageNamesIt() {
        CalendarSettings settings = new CalendarSettings(null, List.of("08:30-12:00", "1330-1730"), null, null, null);

        assertThatIllegalArgumentException().isThrownBy(settings::toCalendar).withMessageContaining("'1330-1730'");
    }

    @Test
    void givenAnUnknownZone_whenTurnedIntoACalendar_thenTheMessageNamesIt() {
        CalendarSettings settings = new CalendarSettings("Asia/Beijing", null, null, null, null);

        assertThatIllegalArgumentException().isThrownBy(settings::toCalendar).withMessageContaining("'Asia/Beijing'");
    }

    @Test
    void givenThe2026Notice_whenCounted_thenItHas33DaysOffAnd6MakeUpDays() {
        assertThat(ChinaCalendar2026.HOLIDAYS).hasSize(33).doesNotHaveDuplicates();
        assertThat(ChinaCalendar2026.MAKE_UP_WORKDAYS).hasSize(6);
    }

    @Test
    void givenThe2026Notice_whenLookingAtTheMakeUpDays_thenEachFallsOnAWeekend() {
        assertThat(ChinaCalendar2026.MAKE_UP_WORKDAYS)
                .extracting(LocalDate::getDayOfWeek)
                .allMatch(day -> day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY);
    }

    @Test
    void givenThe2026Calendar_whenAskedAboutSpringFestivalAndNationalDay_thenHolidaysAndMakeUpDaysAreRight() {
        WorkingCalendar calendar = ChinaCalendar2026.calendar();

        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).as("Saturday before Spring Festival").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-23"))).as("last day of Spring Festival").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-24"))).as("first day back").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-01-04"))).as("Sunday after New Year").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-07"))).as("last day of National Day").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-10-10"))).as("Saturday after National Day").isTrue();
    }
}
