package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimeLimitTest {

    @Test
    void givenTheThreeWrittenForms_whenParsed_thenEachHasItsUnit() {
        assertThat(TimeLimit.parse("4h")).isEqualTo(new TimeLimit(4, TimeLimit.Unit.WORKING_HOURS));
        assertThat(TimeLimit.parse("3d")).isEqualTo(new TimeLimit(3, TimeLimit.Unit.WORKING_DAYS));
        assertThat(TimeLimit.parse("10m")).isEqualTo(new TimeLimit(10, TimeLimit.Unit.MINUTES));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4h", "3d", "10m", "250d"})
    void givenALimit_whenPrintedAndParsedAgain_thenItIsTheSameLimit(String text) {
        assertThat(TimeLimit.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void givenSpacesAroundTheText_whenParsed_thenTheyAreIgnored() {
        assertThat(TimeLimit.parse(" 3d ")).isEqualTo(TimeLimit.workingDays(3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "h", "4x", "-1h", "1.5h", "4 h", "4H", "3 days"})
    void givenTextThatIsNotALimit_whenParsed_thenTheMessageShowsTheForms(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeLimit.parse(text))
                .withMessageContaining("e.g. 4h, 3d or 10m");
    }

    @Test
    void givenZero_whenUsedAsALimit_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeLimit.parse("0d"))
                .withMessageContaining("must be positive");
    }

    @Test
    void givenMoreThanAWorkingYear_whenUsedAsALimit_thenItIsRefused() {
        assertThat(TimeLimit.workingDays(250).amount()).isEqualTo(250);
        assertThatIllegalArgumentException().isThrownBy(() -> TimeLimit.workingDays(251))
                .withMessageContaining("more than the 250d");
    }

    @Test
    void givenMoreThanAWeekAroundTheClock_whenUsedAsALimit_thenItIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> TimeLimit.minutes(7 * 24 * 60 + 1))
                .withMessageContaining("MINUTES");
    }

    @Test
    void givenWorkingDays_whenConvertedToWorkingTime_thenEachDayIsTheCalendarsWorkingDay() {
        assertThat(TimeLimit.workingDays(3).workingTimeOn(WorkingCalendar.builder().build()))
                .isEqualTo(Duration.ofMinutes(3 * 450));
        assertThat(TimeLimit.workingDays(3).workingTimeOn(WorkingCalendar.ALWAYS)).isEqualTo(Duration.ofHours(72));
    }

    @Test
    void givenHoursAndMinutes_whenConvertedToWorkingTime_thenTheyAreTakenAsTheyAre() {
        assertThat(TimeLimit.workingHours(4).workingTimeOn(WorkingCalendar.builder().build())).isEqualTo(Duration.ofHours(4));
        assertThat(TimeLimit.minutes(10).workingTimeOn(WorkingCalendar.ALWAYS)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void givenOnlyMinutes_whenAskedWhetherTheyRunAroundTheClock_thenOnlyMinutesDo() {
        assertThat(TimeLimit.minutes(10).runsAroundTheClock()).isTrue();
        assertThat(TimeLimit.workingHours(4).runsAroundTheClock()).isFalse();
        assertThat(TimeLimit.workingDays(3).runsAroundTheClock()).isFalse();
    }
}
