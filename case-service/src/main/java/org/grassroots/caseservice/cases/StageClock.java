package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.Objects;

import org.grassroots.caseservice.sla.SlaClock;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;

/**
 * The SLA clock of one stage of a case, as plain state the case document stores: the limit the
 * case was given for the stage when it was reported (as {@link TimeLimit} text, e.g. {@code 2h}),
 * when the stage started (null before) and when it stopped (null while it runs). The
 * {@link SlaClock} is rebuilt from these whenever a deadline is needed; there are no pauses or
 * extensions yet.
 *
 * @param stage     which stage
 * @param limit     the stage's time limit, e.g. {@code 2h}, {@code 1d}, {@code 30m}
 * @param startedAt when the current run of the stage started, or null if it has not
 * @param stoppedAt when the current run stopped, or null while it runs or before it starts
 */
record StageClock(Stage stage, String limit, Instant startedAt, Instant stoppedAt) {

    /** The three stages of the case workflow that have time limits. */
    enum Stage {
        /** From accept (or re-dispatch) until the assignee claims the case. */
        RESPOND,
        /** From claim until the assignee reports the case resolved. */
        RESOLVE,
        /** From resolve until the on-site check. */
        VERIFY
    }

    StageClock {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(limit, "limit");
    }

    static StageClock notStarted(Stage stage, TimeLimit limit) {
        return new StageClock(stage, limit.toString(), null, null);
    }

    StageClock start(Instant at) {
        return new StageClock(stage, limit, at, null);
    }

    StageClock stop(Instant at) {
        return isRunning() ? new StageClock(stage, limit, startedAt, at) : this;
    }

    StageClock clear() {
        return new StageClock(stage, limit, null, null);
    }

    boolean isStarted() {
        return startedAt != null;
    }

    boolean isRunning() {
        return startedAt != null && stoppedAt == null;
    }

    TimeLimit timeLimit() {
        return TimeLimit.parse(limit);
    }

    /** The SLA clock of the current run, stopped if the stage has stopped; null before the stage starts. */
    SlaClock toSlaClock(WorkingCalendar calendar) {
        if (startedAt == null) {
            return null;
        }
        SlaClock clock = SlaClock.start(startedAt, timeLimit(), calendar);
        return stoppedAt == null ? clock : clock.stop(stoppedAt);
    }

    /**
     * When the current run of the stage is due, or null before the stage starts. A stopped stage
     * keeps the deadline it ran against, so consumers see what it was measured by.
     */
    Instant deadline(WorkingCalendar calendar) {
        if (startedAt == null) {
            return null;
        }
        // Without pauses a running clock always has a deadline.
        return SlaClock.start(startedAt, timeLimit(), calendar).deadline().orElseThrow();
    }

    /** Whether the stage stopped no later than its deadline; a stage not started or still running is not on time. */
    boolean stoppedInTime(WorkingCalendar calendar) {
        return startedAt != null && stoppedAt != null && !toSlaClock(calendar).isOverdue(stoppedAt);
    }
}
