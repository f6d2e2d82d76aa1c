package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.cases.StageClock.Stage;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.HolidayYears;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.junit.jupiter.api.Test;

class StageCalendarWarningTest {

    static final Instant END_OF_2026 = Instant.parse("2026-12-28T01:00:00Z");

    @Test
    void givenOnly2026Entered_whenAStageRunsInto2027_thenItsDeadlineCountsWeekendsOnlyAndSaysSo() {
        HolidayYears years = new HolidayYears();
        years.replaceAll(List.of(ChinaCalendar2026.year()));
        WorkingCalendar calendar = WorkingCalendar.builder().build().withHolidayYears(years);

        StageStatus status = StageClock.notStarted(Stage.RESOLVE, TimeLimit.parse("5d")).start(END_OF_2026)
                .status(calendar, END_OF_2026);

        assertThat(status.calendarWarning()).isEqualTo("2027年节假日未配置，时限暂按周末计算（不含法定节假日）");
        // 元旦 2027 is not entered: 1 January (a Friday) counts as a working day.
        assertThat(status.deadline()).isEqualTo(Instant.parse("2027-01-04T01:00:00Z"));
    }

    @Test
    void givenTheYearEntered_whenAStageRunsInsideIt_thenThereIsNoWarning() {
        HolidayYears years = new HolidayYears();
        years.replaceAll(List.of(ChinaCalendar2026.year()));
        WorkingCalendar calendar = WorkingCalendar.builder().build().withHolidayYears(years);

        StageStatus status = StageClock.notStarted(Stage.RESOLVE, TimeLimit.parse("5d"))
                .start(Instant.parse("2026-09-28T01:00:00Z")).status(calendar, Instant.parse("2026-09-28T01:00:00Z"));

        assertThat(status.calendarWarning()).isNull();
        // 国庆 2026 is entered: 1–7 October are off, 10 October (a Saturday) is worked.
        assertThat(status.deadline()).isEqualTo(Instant.parse("2026-10-10T01:00:00Z"));
    }
}
