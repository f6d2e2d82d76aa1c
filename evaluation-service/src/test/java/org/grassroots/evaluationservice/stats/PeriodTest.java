package org.grassroots.evaluationservice.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class PeriodTest {

    final LocalDate march18 = LocalDate.of(2026, 3, 18);

    @Test
    void givenADay_whenLabelled_thenEachPeriodNamesItsCalendarUnit() {
        assertThat(Period.DAY.label(march18)).isEqualTo("2026-03-18");
        assertThat(Period.WEEK.label(march18)).isEqualTo("2026-W12");
        assertThat(Period.MONTH.label(march18)).isEqualTo("2026-03");
        assertThat(Period.QUARTER.label(march18)).isEqualTo("2026-Q1");
        assertThat(Period.YEAR.label(march18)).isEqualTo("2026");
    }

    @Test
    void givenTheFirstDaysOfJanuary_whenLabelledByWeek_thenTheyBelongToTheIsoWeekOfTheirMonday() {
        assertThat(Period.WEEK.label(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
    }

    @Test
    void givenAQuarter_whenItsBoundsAreAsked_thenTheyAreItsFirstDayAndTheNextQuartersFirstDay() {
        assertThat(Period.QUARTER.start(march18)).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.QUARTER.end(march18)).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(Period.quarterStart("2026-Q3")).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> Period.quarterStart("2026-Q5"));
    }
}
