package org.grassroots.caseservice.cases;

import java.time.Instant;

import org.grassroots.contracts.cases.CaseStatus;

/**
 * One line of a case's timeline: who did what, when, and what they said.
 *
 * @param version the case's version after this step
 * @param action  what happened, e.g. {@code REPORTED}, {@code DISPATCH}, {@code PASS_VERIFICATION}
 * @param from    the state before, or null for the report itself
 * @param to      the state after
 * @param by      user id of whoever did it; null for the report, so the timeline never names the reporter
 * @param at      when it happened
 * @param note    the reason, instructions or findings given with it
 */
public record CaseHistoryEntry(long version, String action, CaseStatus from, CaseStatus to, String by, Instant at,
        String note) {

    static final String REPORTED = "REPORTED";
}
