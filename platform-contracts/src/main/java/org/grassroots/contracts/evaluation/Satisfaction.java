package org.grassroots.contracts.evaluation;

/** The three answers of a 12345-style satisfaction rating (满意 / 基本满意 / 不满意). */
public enum Satisfaction {
    SATISFIED,
    BASICALLY_SATISFIED,
    DISSATISFIED;

    /** Whether the answer counts towards the satisfaction rate: satisfied or basically satisfied. */
    public boolean countsAsSatisfied() {
        return this != DISSATISFIED;
    }
}
