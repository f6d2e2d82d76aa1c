package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.grassroots.caseservice.sla.Shanghai.at;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The clock of a case stage. Unless a test says otherwise the office works 08:30-12:00 and
 * 13:30-17:30 (7.5 hours a day), Monday 2 March 2026 to Friday 6 March, then Monday 9 March.
 */
class SlaClockTest {

    static final WorkingCalendar OFFICE = WorkingCalendar.builder().build();
    static final WorkingCalendar CHINA_2026 = ChinaCalendar2026.calendar();

    static final TimeLimit FOUR_HOURS = TimeLimit.workingHours(4);
    static final TimeLimit TWO_DAYS = TimeLimit.workingDays(2);
    static final TimeLimit THREE_DAYS = TimeLimit.workingDays(3);

    // deadline

    @Test
    void givenAClockStartedOnMondayMorningWithThreeWorkingDays_whenAskedForTheDeadline_thenItIsThursdayAtTheSameTime() {
        SlaClock clock = SlaClock.start(at("2026-03-02T10:00"), THREE_DAYS, OFFICE);

        assertThat(clock.deadline()).contains(at("2026-03-05T10:00"));
    }

    @Test
    void givenAClockStartedAtNight_whenAskedForTheDeadline_thenCountingBeganWhenTheOfficeOpened() {
        SlaClock clock = SlaClock.start(at("2026-03-02T22:00"), FOUR_HOURS, OFFICE);

        assertThat(clock.deadline()).contains(at("2026-03-03T14:00"));
        assertThat(clock.percentElapsed(at("2026-03-03T08:30"))).isZero();
    }

    @Test
    void givenAClockStartedOnAHoliday_whenAskedForTheDeadline_thenCountingBeganOnTheFirstWorkingDayAfter() {
        SlaClock clock = SlaClock.start(at("2026-10-02T10:00"), TWO_DAYS, CHINA_2026);

        assertThat(clock.deadline()).contains(at("2026-10-09T17:30"));
    }

    // pauses

    @Test
    void givenAPauseOverAWeekend_whenAskedForTheDeadline_thenOnlyTheWorkingTimeOfThePauseMovesIt() {
        SlaClock clock = SlaClock.start(at("2026-03-05T10:00"), TWO_DAYS, OFFICE);
        assertThat(clock.deadline()).contains(at("2026-03-09T10:00"));

        SlaClock paused = clock.pause(at("2026-03-06T17:00")).resume(at("2026-03-09T09:00"));

        // Friday 17:00-17:30 and Monday 08:30-09:00: one working hour, not the weekend.
        assertThat(paused.deadline()).contains(at("2026-03-09T11:00"));
    }

    @Test
    void givenSeveralPauses_whenAskedForTheDeadline_thenItMovesByTheirTotalWorkingTime() {
        SlaClock clock = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE)
                .pause(at("2026-03-02T09:30")).resume(at("2026-03-02T10:00"))
                .pause(at("2026-03-02T10:30")).resume(at("2026-03-02T11:30"));

        // Without pauses 14:30; paused half an hour and an hour.
        assertThat(clock.deadline()).contains(at("2026-03-02T16:00"));
        assertThat(clock.workingTimeUsed(at("2026-03-02T12:00"))).isEqualTo(Duration.ofMinutes(90));
        assertThat(clock.pauses()).hasSize(2);
    }

    @Test
    void givenAPausedClockWithTimeLeft_whenAskedForTheDeadline_thenThereIsNoneButTheTimeLeftIsKnown() {
        SlaClock paused = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T10:30"));

        assertThat(paused.isPaused()).isTrue();
        assertThat(paused.deadline()).isEmpty();
        assertThat(paused.workingTimeLeft(at("2026-03-04T10:00"))).isEqualTo(Duration.ofHours(2));
        assertThat(paused.isOverdue(at("2026-03-30T10:00"))).isFalse();
    }

    @Test
    void givenAPausedClock_whenTimePasses_thenThePercentageStaysWhereThePauseBegan() {
        SlaClock paused = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T10:30"));

        assertThat(paused.percentElapsed(at("2026-03-02T10:30"))).isEqualTo(50);
        assertThat(paused.percentElapsed(at("2026-03-03T16:00"))).isEqualTo(50);
    }

    @Test
    void givenAClockPausedAfterItsDeadline_whenAsked_thenItStaysOverdueWithTheDeadlineItMissed() {
        SlaClock paused = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T15:00"));

        assertThat(paused.deadline()).contains(at("2026-03-02T14:00"));
        assertThat(paused.isOverdue(at("2026-03-03T10:00"))).isTrue();
    }

    // extension

    @Test
    void givenAnApprovedExtensionOfTwoWorkingDays_whenAskedForTheDeadline_thenItMovesTwoWorkingDaysOverTheWeekend() {
        SlaClock clock = SlaClock.start(at("2026-03-02T10:00"), THREE_DAYS, OFFICE);

        SlaClock extended = clock.extend(TimeLimit.workingDays(2));

        assertThat(extended.deadline()).contains(at("2026-03-09T10:00"));
        assertThat(extended.extensions()).containsExactly(TimeLimit.workingDays(2));
    }

    @Test
    void givenAnExtension_whenAskedForThePercentage_thenItIsMeasuredAgainstTheLongerLimit() {
        SlaClock extended = SlaClock.start(at("2026-03-02T10:00"), THREE_DAYS, OFFICE).extend(TimeLimit.workingDays(2));

        assertThat(extended.percentElapsed(at("2026-03-05T10:00"))).isEqualTo(60);
        assertThat(extended.isOverdue(at("2026-03-05T10:01"))).isFalse();
    }

    @Test
    void givenAPausedClock_whenExtendedInWorkingHours_thenTheTimeLeftGrows() {
        SlaClock paused = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T10:30"));

        SlaClock extended = paused.extend(TimeLimit.workingHours(3));

        assertThat(extended.workingTimeLeft(at("2026-03-03T10:00"))).isEqualTo(Duration.ofHours(5));
    }

    @Test
    void givenAWorkingTimeClock_whenExtendedInMinutesAroundTheClock_thenTheExtensionIsRefused() {
        SlaClock clock = SlaClock.start(at("2026-03-02T10:00"), THREE_DAYS, OFFICE);

        assertThatIllegalArgumentException().isThrownBy(() -> clock.extend(TimeLimit.minutes(30)))
                .withMessageContaining("extend it in working hours or days");
    }

    // percentage, overdue and thresholds

    @Test
    void givenAFourHourLimit_whenTheDeadlineArrives_thenItIsAHundredPercentButOverdueOnlyAfterwards() {
        SlaClock clock = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE);

        assertThat(clock.deadline()).contains(at("2026-03-02T14:00"));
        assertThat(clock.percentElapsed(at("2026-03-02T14:00"))).isEqualTo(100);
        assertThat(clock.isOverdue(at("2026-03-02T14:00"))).isFalse();
        assertThat(clock.isOverdue(at("2026-03-02T14:01"))).isTrue();
        assertThat(clock.percentElapsed(at("2026-03-02T16:00"))).isEqualTo(150);
    }

    @Test
    void givenADeadlineAtTheEndOfFriday_whenCheckedOnSaturday_thenTheClockIsOverdueAtAHundredPercent() {
        SlaClock clock = SlaClock.start(at("2026-03-06T13:30"), FOUR_HOURS, OFFICE);

        assertThat(clock.deadline()).contains(at("2026-03-06T17:30"));
        assertThat(clock.isOverdue(at("2026-03-07T10:00"))).isTrue();
        assertThat(clock.percentElapsed(at("2026-03-07T10:00"))).isEqualTo(100);
        assertThat(clock.crossedSince(75, at("2026-03-07T10:00"))).containsExactly(Threshold.OVERDUE);
    }

    @Test
    void givenAScannerCheckingEveryMinute_whenTheClockRunsOut_thenEachThresholdIsReportedExactlyOnce() {
        SlaClock clock = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE);
        List<Threshold> reported = new ArrayList<>();
        int lastNotifiedPercent = 0;

        for (Instant now = at("2026-03-02T08:00"); now.isBefore(at("2026-03-03T12:00")); now = now.plusSeconds(60)) {
            for (Threshold crossed : clock.crossedSince(lastNotifiedPercent, now)) {
                reported.add(crossed);
                lastNotifiedPercent = crossed.percent();
            }
        }

        assertThat(reported).containsExactly(Threshold.WARNING_50, Threshold.WARNING_75, Threshold.OVERDUE);
    }

    @Test
    void givenAScannerThatWasDown_whenItChecksAnOverdueClock_thenItGetsEveryMissedThresholdInOrder() {
        SlaClock clock = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE);

        assertThat(clock.crossedSince(0, at("2026-03-02T15:00")))
                .containsExactly(Threshold.WARNING_50, Threshold.WARNING_75, Threshold.OVERDUE);
    }

    @Test
    void givenHalfTheTimeUsed_whenAskedWhatWasCrossedSinceNothing_thenOnlyTheFirstWarning() {
        SlaClock clock = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE);

        assertThat(clock.crossedSince(0, at("2026-03-02T10:29"))).isEmpty();
        assertThat(clock.crossedSince(0, at("2026-03-02T10:30"))).containsExactly(Threshold.WARNING_50);
    }

    // around the clock

    @Test
    void givenABurstWaterMainAtTwoOnASundayNight_whenTheTenMinuteEmergencyClockStarts_thenItIgnoresOfficeHours() {
        SlaClock dispatch = SlaClock.start(at("2026-03-08T02:00"), TimeLimit.minutes(10), CHINA_2026);

        assertThat(dispatch.deadline()).contains(at("2026-03-08T02:10"));
        assertThat(dispatch.percentElapsed(at("2026-03-08T02:05"))).isEqualTo(50);
        assertThat(dispatch.isOverdue(at("2026-03-08T02:11"))).isTrue();
    }

    @Test
    void givenAnEmergencyClock_whenExtendedInMinutes_thenTheDeadlineMovesByThoseMinutes() {
        SlaClock dispatch = SlaClock.start(at("2026-10-01T02:00"), TimeLimit.minutes(10), CHINA_2026)
                .extend(TimeLimit.minutes(20));

        assertThat(dispatch.deadline()).contains(at("2026-10-01T02:30"));
    }

    // stopping

    @Test
    void givenAClockStoppedBeforeItsDeadline_whenAskedLater_thenItIsNotOverdueAndItsPercentageIsFrozen() {
        SlaClock stopped = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).stop(at("2026-03-02T10:30"));

        assertThat(stopped.isStopped()).isTrue();
        assertThat(stopped.deadline()).isEmpty();
        assertThat(stopped.isOverdue(at("2026-03-09T10:00"))).isFalse();
        assertThat(stopped.percentElapsed(at("2026-03-09T10:00"))).isEqualTo(50);
    }

    @Test
    void givenAClockStoppedAfterItsDeadline_whenAsked_thenItWasOverdue() {
        SlaClock stopped = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE).stop(at("2026-03-02T16:00"));

        assertThat(stopped.deadline()).contains(at("2026-03-02T14:00"));
        assertThat(stopped.isOverdue(at("2026-03-02T16:00"))).isTrue();
    }

    @Test
    void givenAPausedClock_whenStopped_thenThePauseEndsWhereTheClockStops() {
        SlaClock stopped = SlaClock.start(at("2026-03-02T08:30"), FOUR_HOURS, OFFICE)
                .pause(at("2026-03-02T10:30"))
                .stop(at("2026-03-03T09:00"));

        assertThat(stopped.isPaused()).isFalse();
        assertThat(stopped.pauses()).containsExactly(new SlaClock.Pause(at("2026-03-02T10:30"), at("2026-03-03T09:00")));
        assertThat(stopped.stoppedAt()).contains(at("2026-03-03T09:00"));
    }

    // nonsense refused

    @Test
    void givenARunningClock_whenResumed_thenItIsRefused() {
        SlaClock running = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE);

        assertThatIllegalStateException().isThrownBy(() -> running.resume(at("2026-03-02T10:00")))
                .withMessageContaining("not paused");
    }

    @Test
    void givenAPausedClock_whenPausedAgain_thenItIsRefused() {
        SlaClock paused = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T10:00"));

        assertThatIllegalStateException().isThrownBy(() -> paused.pause(at("2026-03-02T11:00")))
                .withMessageContaining("already paused since");
    }

    @Test
    void givenAStoppedClock_whenStoppedAgain_thenItIsRefused() {
        SlaClock stopped = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE).stop(at("2026-03-02T10:00"));

        assertThatIllegalStateException().isThrownBy(() -> stopped.stop(at("2026-03-02T11:00")))
                .withMessageContaining("already stopped at");
    }

    @Test
    void givenAStoppedClock_whenPausedOrExtended_thenItIsRefused() {
        SlaClock stopped = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE).stop(at("2026-03-02T10:00"));

        assertThatIllegalStateException().isThrownBy(() -> stopped.pause(at("2026-03-02T11:00")))
                .withMessageContaining("cannot pause");
        assertThatIllegalStateException().isThrownBy(() -> stopped.extend(TimeLimit.workingHours(1)))
                .withMessageContaining("cannot extend");
    }

    @Test
    void givenAPausedClock_whenResumedBeforeThePauseBegan_thenItIsRefused() {
        SlaClock paused = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE).pause(at("2026-03-02T10:00"));

        assertThatIllegalArgumentException().isThrownBy(() -> paused.resume(at("2026-03-02T09:30")))
                .withMessageContaining("before its last change");
    }

    @Test
    void givenAClock_whenChanged_thenTheOriginalIsUntouched() {
        SlaClock running = SlaClock.start(at("2026-03-02T09:00"), FOUR_HOURS, OFFICE);

        running.pause(at("2026-03-02T10:00"));
        running.extend(TimeLimit.workingHours(2));

        assertThat(running.isPaused()).isFalse();
        assertThat(running.extensions()).isEmpty();
        assertThat(running.deadline()).contains(at("2026-03-02T14:30"));
    }
}
