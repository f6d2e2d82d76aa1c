package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.cases.SlaStage;

/**
 * One stage's time limit as a person reads it at a given moment: what it is, when it started and
 * stopped, when it is due, how much of it is used (the console colours 50% amber, 75% red, over 100%
 * overdue) and whether it is paused while the case waits for the resident.
 *
 * @param stage           RESPOND (accept or dispatch → claim), RESOLVE (claim → resolve) or VERIFY
 *                        (resolve → on-site check)
 * @param limit           the stage's time limit, e.g. {@code 2h} (working hours), {@code 3d}
 *                        (working days) or {@code 30m} (around the clock, emergencies)
 * @param extensions      extensions granted for the current run (延时), e.g. {@code [2h]}
 * @param startedAt       when the current run started, or null before the stage starts
 * @param stoppedAt       when it stopped, or null while it runs
 * @param deadline        when it is due, or null before it starts and while paused (the deadline
 *                        moves on with every working minute of a pause)
 * @param allowedMinutes  working minutes allowed, extensions included
 * @param usedMinutes     working minutes used, pauses left out, up to now or to the stop
 * @param usedPercent     used as a whole percent of allowed, above 100 once overdue
 * @param overdue         whether the stage ran past its deadline (a stopped stage: whether it stopped late)
 * @param pausedSince     when the current pause began, or null unless paused
 * @param calendarWarning null, or why the deadline may be early: a year the stage runs into has no
 *                        holidays entered (/api/calendars), so its working days are its weekdays
 */
public record StageStatus(SlaStage stage, String limit, List<String> extensions, Instant startedAt,
        Instant stoppedAt, Instant deadline, long allowedMinutes, long usedMinutes, int usedPercent, boolean overdue,
        Instant pausedSince, String calendarWarning) {

    /** A stage whose calendar has every year it runs into. */
    public StageStatus(SlaStage stage, String limit, List<String> extensions, Instant startedAt, Instant stoppedAt,
            Instant deadline, long allowedMinutes, long usedMinutes, int usedPercent, boolean overdue,
            Instant pausedSince) {
        this(stage, limit, extensions, startedAt, stoppedAt, deadline, allowedMinutes, usedMinutes, usedPercent,
                overdue, pausedSince, null);
    }

    /** The warning for a stage counted across {@code years} without holidays entered, or null for none. */
    static String calendarWarning(List<Integer> years) {
        if (years.isEmpty()) {
            return null;
        }
        String named = String.join("、", years.stream().map(String::valueOf).toList());
        return named + "年节假日未配置，时限暂按周末计算（不含法定节假日）";
    }
}
