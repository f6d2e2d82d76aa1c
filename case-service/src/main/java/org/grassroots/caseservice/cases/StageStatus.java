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
 */
public record StageStatus(SlaStage stage, String limit, List<String> extensions, Instant startedAt,
        Instant stoppedAt, Instant deadline, long allowedMinutes, long usedMinutes, int usedPercent, boolean overdue,
        Instant pausedSince) {
}
