package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.grassroots.caseservice.sla.SlaClock;
import org.grassroots.caseservice.sla.Threshold;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.SlaStage;

/**
 * The SLA clock of one stage of a case, as plain state the case document stores: the limit the
 * case was given for the stage when it was reported (as {@link TimeLimit} text, e.g. {@code 2h}),
 * when the current run of the stage started and stopped, the pauses while the case waited for the
 * resident, the approved extensions, and the highest threshold the SLA scanner has reported for
 * this run. The {@link SlaClock} is rebuilt from these whenever a deadline is needed.
 *
 * @param stage           which stage
 * @param limit           the stage's time limit, e.g. {@code 2h}, {@code 1d}, {@code 30m}
 * @param startedAt       when the current run of the stage started, or null if it has not
 * @param stoppedAt       when the current run stopped, or null while it runs or before it starts
 * @param pauses          the pauses of the current run, in order; only the last may be open
 * @param extensions      the approved extensions of the current run, as {@link TimeLimit} text
 * @param notifiedPercent the percent of the last threshold reported for this run (0, 50, 75, 100)
 */
record StageClock(Stage stage, String limit, Instant startedAt, Instant stoppedAt, List<SlaClock.Pause> pauses,
        List<String> extensions, int notifiedPercent) {

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
        // Documents stored before pauses and extensions existed have neither.
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** A run without pauses, extensions or warnings (a factory: the store maps the record by its one constructor). */
    static StageClock of(Stage stage, String limit, Instant startedAt, Instant stoppedAt) {
        return new StageClock(stage, limit, startedAt, stoppedAt, List.of(), List.of(), 0);
    }

    static StageClock notStarted(Stage stage, TimeLimit limit) {
        return of(stage, limit.toString(), null, null);
    }

    /** A new run from {@code at}: earlier pauses, extensions and warnings belong to the previous run. */
    StageClock start(Instant at) {
        return of(stage, limit, at, null);
    }

    StageClock stop(Instant at) {
        if (!isRunning()) {
            return this;
        }
        return new StageClock(stage, limit, startedAt, at, closePause(at), extensions, notifiedPercent);
    }

    StageClock clear() {
        return of(stage, limit, null, null);
    }

    StageClock pause(Instant at) {
        List<SlaClock.Pause> changed = new ArrayList<>(pauses);
        changed.add(new SlaClock.Pause(at, null));
        return new StageClock(stage, limit, startedAt, stoppedAt, changed, extensions, notifiedPercent);
    }

    StageClock resume(Instant at) {
        return new StageClock(stage, limit, startedAt, stoppedAt, closePause(at), extensions, notifiedPercent);
    }

    /**
     * Adds an extension. The warnings already given stay given: the stored percent becomes the
     * highest threshold still crossed under the longer limit, so only thresholds crossed anew are reported.
     */
    StageClock extend(TimeLimit extension, Instant now, WorkingCalendar calendar) {
        List<String> changed = new ArrayList<>(extensions);
        changed.add(extension.toString());
        StageClock extended = new StageClock(stage, limit, startedAt, stoppedAt, pauses, changed, 0);
        int stillCrossed = extended.toSlaClock(calendar).crossedSince(0, now).stream()
                .mapToInt(Threshold::percent).max().orElse(0);
        return extended.notified(Math.min(notifiedPercent, stillCrossed));
    }

    StageClock notified(int percent) {
        return new StageClock(stage, limit, startedAt, stoppedAt, pauses, extensions, percent);
    }

    boolean isStarted() {
        return startedAt != null;
    }

    boolean isRunning() {
        return startedAt != null && stoppedAt == null;
    }

    boolean isPaused() {
        return isRunning() && !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    TimeLimit timeLimit() {
        return TimeLimit.parse(limit);
    }

    /** The SLA clock of the current run, stopped if the stage has stopped; null before the stage starts. */
    SlaClock toSlaClock(WorkingCalendar calendar) {
        if (startedAt == null) {
            return null;
        }
        SlaClock clock = replay(calendar);
        return stoppedAt == null ? clock : clock.stop(stoppedAt);
    }

    /**
     * When the current run of the stage is due, or null before the stage starts and while it is
     * paused (a paused deadline moves on with every working minute of the pause). A stopped stage
     * keeps the deadline it ran against, so consumers see what it was measured by.
     */
    Instant deadline(WorkingCalendar calendar) {
        if (startedAt == null || isPaused()) {
            return null;
        }
        return replay(calendar).deadline().orElse(null);
    }

    /** When the scanner should look at this stage next: the next threshold of a running, unpaused run. */
    Optional<Instant> nextCheck(WorkingCalendar calendar) {
        if (!isRunning() || isPaused()) {
            return Optional.empty();
        }
        SlaClock clock = replay(calendar);
        for (Threshold threshold : Threshold.values()) {
            if (threshold.percent() > notifiedPercent) {
                // Overdue means after the deadline, so look a moment past it.
                return clock.whenElapsed(threshold.percent())
                        .map(at -> threshold == Threshold.OVERDUE ? at.plusSeconds(1) : at);
            }
        }
        return Optional.empty();
    }

    /** Whether the stage stopped no later than its deadline; a stage not started or still running is not on time. */
    boolean stoppedInTime(WorkingCalendar calendar) {
        return startedAt != null && stoppedAt != null && !toSlaClock(calendar).isOverdue(stoppedAt);
    }

    /** The stage as it stands at {@code now}, for people to read. */
    StageStatus status(WorkingCalendar calendar, Instant now) {
        SlaStage slaStage = SlaStage.valueOf(stage.name());
        if (startedAt == null) {
            long allowed = TimeLimit.parse(limit).workingTimeOn(calendar).toMinutes();
            return new StageStatus(slaStage, limit, extensions, null, null, null, allowed, 0, 0, false, null);
        }
        SlaClock clock = toSlaClock(calendar);
        Instant at = stoppedAt != null && stoppedAt.isBefore(now) ? stoppedAt : now;
        Instant pausedSince = isPaused() ? pauses.get(pauses.size() - 1).from() : null;
        Instant deadline = deadline(calendar);
        // A year without its holidays entered counts weekdays only: say so, unless the limit runs around the clock.
        String calendarWarning = timeLimit().runsAroundTheClock() ? null : StageStatus.calendarWarning(
                calendar.unconfiguredYears(startedAt, deadline != null ? deadline : at));
        return new StageStatus(slaStage, limit, extensions, startedAt, stoppedAt, deadline,
                clock.allowedWorkingTime().toMinutes(), clock.workingTimeUsed(at).toMinutes(),
                clock.percentElapsed(at), clock.isOverdue(at), pausedSince, calendarWarning);
    }

    /** The run so far without its stop; a pause still open at the stop counts as ended there. */
    private SlaClock replay(WorkingCalendar calendar) {
        SlaClock clock = SlaClock.start(startedAt, timeLimit(), calendar);
        for (SlaClock.Pause pause : pauses) {
            clock = clock.pause(pause.from());
            if (pause.to() != null) {
                clock = clock.resume(pause.to());
            }
        }
        for (String extension : extensions) {
            clock = clock.extend(TimeLimit.parse(extension));
        }
        return clock;
    }

    private List<SlaClock.Pause> closePause(Instant at) {
        if (pauses.isEmpty() || pauses.get(pauses.size() - 1).to() != null) {
            return pauses;
        }
        List<SlaClock.Pause> changed = new ArrayList<>(pauses);
        changed.set(changed.size() - 1, new SlaClock.Pause(changed.get(changed.size() - 1).from(), at));
        return changed;
    }
}
