package org.grassroots.caseservice.sla;

/**
 * The points of a time limit at which the platform speaks up: warnings at half and three quarters
 * of the allowed working time, and overdue once the deadline has passed (an overdue case is
 * escalated one level and put under supervision).
 */
public enum Threshold {
    WARNING_50(50),
    WARNING_75(75),
    OVERDUE(100);

    private final int percent;

    Threshold(int percent) {
        this.percent = percent;
    }

    /** How much of the allowed working time has been used when this threshold is crossed. */
    public int percent() {
        return percent;
    }
}
