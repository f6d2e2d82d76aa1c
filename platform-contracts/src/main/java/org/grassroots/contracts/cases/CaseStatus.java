package org.grassroots.contracts.cases;

/**
 * The states of the case workflow: {@code REPORTED → ACCEPTED → DISPATCHED → CLAIMED → RESOLVED → CLOSED},
 * with {@code CANCELLED} (not a valid case), {@code RETURNED} (the assignee says it is not theirs),
 * {@code REOPENED} (发回重办) and {@code PARKED} (挂账, a long-term problem).
 */
public enum CaseStatus {
    REPORTED,
    ACCEPTED,
    DISPATCHED,
    CLAIMED,
    RESOLVED,
    CLOSED,
    CANCELLED,
    RETURNED,
    REOPENED,
    PARKED
}
