package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.grassroots.caseservice.sla.Shanghai.at;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The working calendar. March 2026 is an ordinary month: Monday 2 March to Friday 6 March, the
 * weekend of 7–8 March, Monday 9 March. Holidays come from {@link ChinaCalendar2026}.
 */
class WorkingCalendarTest {

    static final WorkingCalendar OFFICE = WorkingCalendar.builder().build();
    static final WorkingCalendar CHINA_2026 = ChinaCalendar2026.calendar();

    // isWorkingDay

    @Test
    void givenAnOrdinaryWeekday_whenAskedIfItIsWorked_thenItIs() {
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-03-04"))).isTrue();
    }

    @Test
    void givenAnOrdinarySaturday_whenAskedIfItIsWorked_thenItIsNot() {
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-03-07"))).isFalse();
    }

    @Test
    void givenAHolidayOnAWeekday_whenAskedIfItIsWorked_thenItIsNot() {
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-10-01"))).isFalse();
    }

    @Test
    void givenAMakeUpSaturday_whenAskedIfItIsWorked_thenItIs() {
        assertThat(CHINA_2026.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
    }

    // plusWorkingTime

    @Test
    void givenAStartInTheMorning_whenAddingTimeThatFitsTheMorning_thenTheDeadlineIsTheSameMorning() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T11:00"));
    }

    @Test
    void givenAStartBeforeLunch_whenAddingTwoHours_thenTheLunchBreakIsSkipped() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T14:30"));
    }

    @Test
    void givenAStartInTheLunchBreak_whenAddingAnHour_thenCountingBeginsAtHalfPastOne() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T12:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T14:30"));
    }

    @Test
    void givenAStartLateInTheAfternoon_whenAddingTwoHours_thenTheNightIsSkipped() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T16:30"), Duration.ofHours(2))).isEqualTo(at("2026-03-03T09:30"));
    }

    @Test
    void givenAStartOnFridayAfternoon_whenAddingFourHours_thenTheWeekendIsSkipped() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-06T16:00"), Duration.ofHours(4))).isEqualTo(at("2026-03-09T11:00"));
    }

    @Test
    void givenAStartTheDayBeforeNationalDay_whenAddingTwoHours_thenTheWholeGoldenWeekIsSkipped() {
        assertThat(CHINA_2026.plusWorkingTime(at("2026-09-30T16:30"), Duration.ofHours(2)))
                .isEqualTo(at("2026-10-08T09:30"));
    }

    @Test
    void givenAStartOnFridayBeforeSpringFestival_whenAddingAnHour_thenTheMakeUpSaturdayIsWorked() {
        assertThat(CHINA_2026.plusWorkingTime(at("2026-02-13T17:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-02-14T09:00"));
    }

    @Test
    void givenAStartAtNight_whenAddingAnHour_thenCountingBeginsWhenTheOfficeOpens() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T22:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-03T09:30"));
    }

    @Test
    void givenAStartInTheEarlyMorning_whenAddingAnHour_thenCountingBeginsTheSameDayAtHalfPastEight() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T06:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T09:30"));
    }

    @Test
    void givenAStartOnASpringFestivalWeekday_whenAddingAnHour_thenCountingBeginsAfterTheHoliday() {
        assertThat(CHINA_2026.plusWorkingTime(at("2026-02-16T10:00"), Duration.ofHours(1)))
                .isEqualTo(at("2026-02-24T09:30"));
    }

    @Test
    void givenTimeThatRunsOutAtTheEndOfTheDay_whenAdded_thenTheDeadlineIsTheEndOfTheDayNotTheNextMorning() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-06T16:30"), Duration.ofHours(1))).isEqualTo(at("2026-03-06T17:30"));
    }

    @Test
    void givenTimeThatRunsOutAtNoon_whenAdded_thenTheDeadlineIsNoonNotTheEndOfLunch() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-02T12:00"));
    }

    @Test
    void givenNoTime_whenAdded_thenTheStartIsReturnedEvenOutsideWorkingHours() {
        assertThat(OFFICE.plusWorkingTime(at("2026-03-07T22:00"), Duration.ZERO)).isEqualTo(at("2026-03-07T22:00"));
    }

    @Test
    void givenNegativeTime_whenAdded_thenItIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> OFFICE.plusWorkingTime(at("2026-03-02T09:00"), Duration.ofHours(-1)))
                .withMessageContaining("must not be negative");
    }

    // plusWorkingDays

    @Test
    void givenAStartInsideWorkingHours_whenAddingThreeWorkingDays_thenTheDeadlineIsTheSameTimeThreeWorkingDaysLater() {
        assertThat(OFFICE.plusWorkingDays(at("2026-03-02T10:00"), 3)).isEqualTo(at("2026-03-05T10:00"));
    }

    @Test
    void givenAStartOnMondayEvening_whenAddingOneWorkingDay_thenTheDeadlineIsTheEndOfTuesday() {
        assertThat(OFFICE.plusWorkingDays(at("2026-03-02T20:00"), 1)).isEqualTo(at("2026-03-03T17:30"));
    }

    @Test
    void givenAStartOnSaturday_whenAddingOneWorkingDay_thenTheDeadlineIsTheEndOfMonday() {
        assertThat(OFFICE.plusWorkingDays(at("2026-03-07T10:00"), 1)).isEqualTo(at("2026-03-09T17:30"));
    }

    @Test
    void givenAStartBeforeTheOfficeOpens_whenAddingOneWorkingDay_thenTheDeadlineIsTheEndOfThatSameDay() {
        assertThat(OFFICE.plusWorkingDays(at("2026-03-02T07:00"), 1)).isEqualTo(at("2026-03-02T17:30"));
    }

    @Test
    void givenAStartBeforeSpringFestival_whenAddingThreeWorkingDays_thenTheMakeUpSaturdayCountsAndTheHolidayDoesNot() {
        // 14 Feb (make-up Saturday), 24 Feb and 25 Feb.
        assertThat(CHINA_2026.plusWorkingDays(at("2026-02-13T10:00"), 3)).isEqualTo(at("2026-02-25T10:00"));
    }

    @Test
    void givenTheSameStart_whenAddingOneWorkingDayOrEightWorkingHours_thenTheWorkingDayIsSevenAndAHalfHours() {
        assertThat(OFFICE.workingDayLength()).isEqualTo(Duration.ofMinutes(450));
        assertThat(OFFICE.plusWorkingDays(at("2026-03-02T08:30"), 1)).isEqualTo(at("2026-03-02T17:30"));
        assertThat(OFFICE.plusWorkingTime(at("2026-03-02T08:30"), Duration.ofHours(8))).isEqualTo(at("2026-03-03T09:00"));
    }

    // workingTimeBetween

    @Test
    void givenFridayAfternoonToMondayMorning_whenMeasured_thenOnlyTheOfficeHoursCount() {
        assertThat(OFFICE.workingTimeBetween(at("2026-03-06T16:00"), at("2026-03-09T10:00"))).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void givenAStretchOverLunch_whenMeasured_thenTheLunchBreakDoesNotCount() {
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T11:00"), at("2026-03-02T14:00")))
                .isEqualTo(Duration.ofMinutes(90));
    }

    @Test
    void givenAnEndBeforeTheStart_whenMeasured_thenItIsZero() {
        assertThat(OFFICE.workingTimeBetween(at("2026-03-02T14:00"), at("2026-03-02T10:00"))).isZero();
    }

    @Test
    void givenTheGoldenWeek_whenMeasured_thenItHoldsNoWorkingTime() {
        assertThat(CHINA_2026.workingTimeBetween(at("2026-10-01T00:00"), at("2026-10-08T00:00"))).isZero();
    }

    // around the clock

    @Test
    void givenTheAroundTheClockCalendar_whenAddingTenMinutesAtTwoOnASundayNight_thenTheDeadlineIsTenPastTwo() {
        assertThat(WorkingCalendar.ALWAYS.plusWorkingTime(at("2026-03-08T02:00"), Duration.ofMinutes(10)))
                .isEqualTo(at("2026-03-08T02:10"));
    }

    @Test
    void givenTheAroundTheClockCalendar_whenAskedAboutAHoliday_thenEveryDayAndHourIsWorked() {
        assertThat(WorkingCalendar.ALWAYS.isWorkingDay(LocalDate.parse("2026-10-01"))).isTrue();
        assertThat(WorkingCalendar.ALWAYS.isWorkingTime(at("2026-10-01T03:00"))).isTrue();
        assertThat(WorkingCalendar.ALWAYS.workingTimeBetween(at("2026-10-01T00:00"), at("2026-10-02T00:00")))
                .isEqualTo(Duration.ofHours(24));
        assertThat(WorkingCalendar.ALWAYS.plusWorkingDays(at("2026-10-01T03:00"), 1)).isEqualTo(at("2026-10-02T03:00"));
    }

    // building

    @Test
    void givenPeriodsGivenOutOfOrder_whenBuilt_thenTheyAreSortedByStart() {
        WorkingCalendar calendar = WorkingCalendar.builder()
                .workingPeriods(List.of(WorkingPeriod.parse("14:00-18:00"), WorkingPeriod.parse("09:00-12:00")))
                .build();

        assertThat(calendar.workingPeriods()).extracting(WorkingPeriod::start)
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(14, 0));
        assertThat(calendar.plusWorkingTime(at("2026-03-02T11:00"), Duration.ofHours(2))).isEqualTo(at("2026-03-02T15:00"));
    }

    @Test
    void givenASixDayWeek_whenAddingTimeOnSaturday_thenSaturdayIsWorked() {
        WorkingCalendar sixDays = WorkingCalendar.builder()
                .workingWeekdays(Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                        DayOfWeek.FRIDAY, DayOfWeek.SATURDAY))
                .build();

        assertThat(sixDays.plusWorkingTime(at("2026-03-07T09:00"), Duration.ofHours(1))).isEqualTo(at("2026-03-07T10:00"));
    }

    @Test
    void givenOverlappingPeriods_whenBuilt_thenTheCalendarIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingCalendar.builder()
                        .workingPeriods(List.of(WorkingPeriod.parse("08:30-12:00"), WorkingPeriod.parse("11:00-17:00")))
                        .build())
                .withMessageContaining("overlap");
    }

    @Test
    void givenADayThatIsBothHolidayAndMakeUpDay_whenBuilt_thenTheCalendarIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingCalendar.builder()
                        .holidays(List.of(LocalDate.parse("2026-02-14")))
                        .makeUpWorkdays(List.of(LocalDate.parse("2026-02-14")))
                        .build())
                .withMessageContaining("2026-02-14");
    }

    @Test
    void givenNoWorkingWeekdays_whenBuilt_thenTheCalendarIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WorkingCalendar.builder().workingWeekdays(Set.of()).build())
                .withMessageContaining("working weekday");
    }

    @Test
    void givenAPeriodThatEndsBeforeItStarts_whenParsed_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingPeriod.parse("17:30-08:30"))
                .withMessageContaining("must end after it starts");
    }

    @Test
    void givenAPeriodWithoutAHyphen_whenParsed_thenTheMessageShowsTheExpectedForm() {
        assertThatIllegalArgumentException().isThrownBy(() -> WorkingPeriod.parse("08:30 to 12:00"))
                .withMessageContaining("08:30-12:00");
    }
}
