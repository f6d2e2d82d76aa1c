package org.grassroots.caseservice.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The clock of one stage of a case (respond, resolve or verify): started with the category's
 * {@link TimeLimit} on a {@link WorkingCalendar}, paused while the case waits for the resident
 * (等待群众补充材料) and resumed any number of times, extended by approved extensions (延时), and
 * stopped when the stage ends.
 *
 * <p>Immutable: every change returns a new clock, so the case aggregate can keep one per stage and
 * rebuild it from its history by replaying the same calls. A change that makes no sense in the
 * clock's state (resuming a running clock, pausing a paused one, stopping twice) throws
 * {@link IllegalStateException}; an instant earlier than the clock's last change throws
 * {@link IllegalArgumentException}.
 *
 * <p>How time is counted:
 * <ul>
 *   <li>A limit in {@link TimeLimit.Unit#MINUTES} runs around the clock ({@link WorkingCalendar#ALWAYS})
 *       whatever calendar is given: an emergency does not wait for office hours. Other limits count
 *       working time on the given calendar.</li>
 *   <li>The allowed working time is the limit plus every extension, each converted with
 *       {@link TimeLimit#workingTimeOn}.</li>
 *   <li>Used working time is the working time the clock has been running: pauses do not count, and
 *       neither do nights, weekends or holidays on a working calendar.</li>
 *   <li>The deadline is the instant the used working time reaches the allowed working time. While the
 *       clock is paused with time left, there is no deadline: it moves on with every working minute
 *       of the pause.</li>
 *   <li>The clock is overdue once {@code now} is after the deadline.</li>
 * </ul>
 */
public final class SlaClock {

    private final Instant startedAt;
    private final TimeLimit limit;
    private final List<TimeLimit> extensions;
    private final WorkingCalendar calendar;
    // In order; only the last may be open (to == null), and only while the clock is paused.
    private final List<Pause> pauses;
    private final Instant stoppedAt;

    private SlaClock(Instant startedAt, TimeLimit limit, List<TimeLimit> extensions, WorkingCalendar calendar,
            List<Pause> pauses, Instant stoppedAt) {
        this.startedAt = startedAt;
        this.limit = limit;
        this.extensions = List.copyOf(extensions);
        this.calendar = calendar;
        this.pauses = List.copyOf(pauses);
        this.stoppedAt = stoppedAt;
    }

    /**
     * Starts a clock at {@code startedAt}. {@code calendar} is the working calendar for limits in
     * working hours or days; a limit in minutes runs around the clock regardless.
     */
    public static SlaClock start(Instant startedAt, TimeLimit limit, WorkingCalendar calendar) {
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(calendar, "calendar");
        WorkingCalendar counting = limit.runsAroundTheClock() ? WorkingCalendar.ALWAYS : calendar;
        return new SlaClock(startedAt, limit, List.of(), counting, List.of(), null);
    }

    /** Stops counting from {@code at}, e.g. while the case waits for the resident to send more material. */
    public SlaClock pause(Instant at) {
        requireNotStopped("pause");
        if (isPaused()) {
            throw new IllegalStateException("the clock is already paused since " + openPause().from()
                    + "; resume it before pausing it again");
        }
        requireNotBeforeLastChange(at, "pause");
        List<Pause> changed = new ArrayList<>(pauses);
        changed.add(new Pause(at, null));
        return new SlaClock(startedAt, limit, extensions, calendar, changed, null);
    }

    /** Counts on from {@code at}; the paused time is not counted. */
    public SlaClock resume(Instant at) {
        requireNotStopped("resume");
        if (!isPaused()) {
            throw new IllegalStateException("the clock is running, not paused: only a paused clock can be resumed");
        }
        requireNotBeforeLastChange(at, "resume");
        return new SlaClock(startedAt, limit, extensions, calendar, closeOpenPause(at), null);
    }

    /**
     * Adds an approved extension to the allowed time; the clock may be running or paused. The
     * extension must count time the way the limit does: minutes for an around-the-clock clock,
     * working hours or days otherwise.
     */
    public SlaClock extend(TimeLimit extension) {
        Objects.requireNonNull(extension, "extension");
        requireNotStopped("extend");
        if (extension.runsAroundTheClock() != limit.runsAroundTheClock()) {
            throw new IllegalArgumentException("an extension of " + extension + " cannot be added to a limit of "
                    + limit + ": " + (limit.runsAroundTheClock()
                            ? "this clock runs around the clock, so extend it in minutes"
                            : "this clock counts working time, so extend it in working hours or days"));
        }
        List<TimeLimit> changed = new ArrayList<>(extensions);
        changed.add(extension);
        return new SlaClock(startedAt, limit, changed, calendar, pauses, null);
    }

    /** Ends the stage at {@code at}. A paused clock may be stopped; its pause ends there too. */
    public SlaClock stop(Instant at) {
        requireNotStopped("stop");
        requireNotBeforeLastChange(at, "stop");
        List<Pause> closed = isPaused() ? closeOpenPause(at) : pauses;
        return new SlaClock(startedAt, limit, extensions, calendar, closed, at);
    }

    /** The limit plus every extension, as working time on the clock's calendar. */
    public Duration allowedWorkingTime() {
        Duration allowed = limit.workingTimeOn(calendar);
        for (TimeLimit extension : extensions) {
            allowed = allowed.plus(extension.workingTimeOn(calendar));
        }
        return allowed;
    }

    /** The working time the clock has been running up to {@code now}, leaving out pauses. */
    public Duration workingTimeUsed(Instant now) {
        Objects.requireNonNull(now, "now");
        Duration used = Duration.ZERO;
        for (Run run : runs()) {
            Instant end = run.to() == null || run.to().isAfter(now) ? now : run.to();
            used = used.plus(calendar.workingTimeBetween(run.from(), end));
        }
        return used;
    }

    /** The allowed working time not yet used at {@code now}; zero once it has run out. */
    public Duration workingTimeLeft(Instant now) {
        Duration left = allowedWorkingTime().minus(workingTimeUsed(now));
        return left.isNegative() ? Duration.ZERO : left;
    }

    /**
     * The instant the allowed working time runs out, accounting for pauses and extensions. Empty when
     * the clock is paused, or was stopped, with time still left: a paused deadline moves on with
     * every working minute of the pause (show {@link #workingTimeLeft} instead), and a stopped clock
     * that never ran out has none.
     */
    public Optional<Instant> deadline() {
        return whenUsed(allowedWorkingTime());
    }

    /**
     * The instant {@code percent} of the allowed working time will have been used, accounting for
     * pauses and extensions; empty when the clock is paused or stopped before it gets there. The
     * SLA scanner uses it to know when to look at a case next.
     */
    public Optional<Instant> whenElapsed(int percent) {
        if (percent < 0) {
            throw new IllegalArgumentException("percent must not be negative but was " + percent);
        }
        return whenUsed(allowedWorkingTime().multipliedBy(percent).dividedBy(100));
    }

    private Optional<Instant> whenUsed(Duration workingTime) {
        Duration remaining = workingTime;
        for (Run run : runs()) {
            if (run.to() == null) {
                return Optional.of(calendar.plusWorkingTime(run.from(), remaining));
            }
            Duration runTime = calendar.workingTimeBetween(run.from(), run.to());
            if (remaining.compareTo(runTime) <= 0) {
                return Optional.of(calendar.plusWorkingTime(run.from(), remaining));
            }
            remaining = remaining.minus(runTime);
        }
        return Optional.empty();
    }

    /**
     * How much of the allowed working time is used at {@code now}, in whole percent rounded down:
     * 0 at the start, 100 at the deadline, above 100 once overdue (capped at {@link Integer#MAX_VALUE}).
     */
    public int percentElapsed(Instant now) {
        long percent = workingTimeUsed(now).multipliedBy(100).dividedBy(allowedWorkingTime());
        return (int) Math.min(percent, Integer.MAX_VALUE);
    }

    /** Whether {@code now} is after the deadline. A paused clock with time left is never overdue. */
    public boolean isOverdue(Instant now) {
        Objects.requireNonNull(now, "now");
        return deadline().map(now::isAfter).orElse(false);
    }

    /**
     * The thresholds crossed by {@code now} that lie above {@code lastNotifiedPercent}, lowest first,
     * so a scanner that stores the percent of the last threshold it reported (0 before the first)
     * reports each one once. A scanner that was down may get several at once and may choose to
     * report only the last. The warnings are crossed by the used working time, {@link Threshold#OVERDUE}
     * when {@link #isOverdue} becomes true. After an extension the percentage drops; a caller that
     * wants warnings against the new limit resets its stored percent when it records the extension.
     */
    public List<Threshold> crossedSince(int lastNotifiedPercent, Instant now) {
        if (lastNotifiedPercent < 0) {
            throw new IllegalArgumentException("lastNotifiedPercent must not be negative but was " + lastNotifiedPercent);
        }
        Duration used = workingTimeUsed(now);
        Duration allowed = allowedWorkingTime();
        List<Threshold> crossed = new ArrayList<>();
        for (Threshold threshold : Threshold.values()) {
            if (threshold.percent() <= lastNotifiedPercent) {
                continue;
            }
            boolean reached = threshold == Threshold.OVERDUE
                    ? isOverdue(now)
                    : used.multipliedBy(100).compareTo(allowed.multipliedBy(threshold.percent())) >= 0;
            if (reached) {
                crossed.add(threshold);
            }
        }
        return List.copyOf(crossed);
    }

    public boolean isPaused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).to() == null;
    }

    public boolean isStopped() {
        return stoppedAt != null;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public TimeLimit limit() {
        return limit;
    }

    /** The approved extensions, in the order they were added. */
    public List<TimeLimit> extensions() {
        return extensions;
    }

    /** The pauses so far, in order; the last one has no end while the clock is paused. */
    public List<Pause> pauses() {
        return pauses;
    }

    public Optional<Instant> stoppedAt() {
        return Optional.ofNullable(stoppedAt);
    }

    @Override
    public String toString() {
        String state = isStopped() ? "stopped at " + stoppedAt : isPaused() ? "paused" : "running";
        return "SlaClock[" + limit + " from " + startedAt + ", extensions " + extensions + ", " + pauses.size()
                + " pauses, " + state + "]";
    }

    /** A stretch during which the clock did not count; {@code to} is null while it lasts. */
    public record Pause(Instant from, Instant to) {

        public Pause {
            Objects.requireNonNull(from, "from");
            if (to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("a pause cannot end (" + to + ") before it starts (" + from + ")");
            }
        }
    }

    /** A stretch during which the clock counted; {@code to} is null while it still runs. */
    private record Run(Instant from, Instant to) {
    }

    private List<Run> runs() {
        List<Run> runs = new ArrayList<>();
        Instant from = startedAt;
        for (Pause pause : pauses) {
            runs.add(new Run(from, pause.from()));
            if (pause.to() == null) {
                return runs;
            }
            from = pause.to();
        }
        runs.add(new Run(from, stoppedAt));
        return runs;
    }

    private Pause openPause() {
        return pauses.get(pauses.size() - 1);
    }

    private List<Pause> closeOpenPause(Instant at) {
        List<Pause> changed = new ArrayList<>(pauses);
        changed.set(changed.size() - 1, new Pause(openPause().from(), at));
        return changed;
    }

    private Instant lastChange() {
        if (pauses.isEmpty()) {
            return startedAt;
        }
        Pause last = openPause();
        return last.to() == null ? last.from() : last.to();
    }

    private void requireNotStopped(String action) {
        if (isStopped()) {
            throw new IllegalStateException("cannot " + action + " the clock: it already stopped at " + stoppedAt);
        }
    }

    private void requireNotBeforeLastChange(Instant at, String action) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(lastChange())) {
            throw new IllegalArgumentException("cannot " + action + " the clock at " + at
                    + ": that is before its last change at " + lastChange());
        }
    }
}
