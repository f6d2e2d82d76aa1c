package org.grassroots.contracts.cases;

/** Why a resolved case was sent back for rework (发回重办). */
public enum ReopenCause {
    VERIFICATION_FAILED,
    RESIDENT_DISSATISFIED,
    /** Staff of the case's area or above found on review that the closure did not solve the problem. */
    STAFF_REVIEW
}
