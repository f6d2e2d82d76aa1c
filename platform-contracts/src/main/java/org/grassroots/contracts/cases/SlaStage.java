package org.grassroots.contracts.cases;

/** The three time limits a case category carries. */
public enum SlaStage {
    /** From report to the assignee claiming the case. */
    RESPOND,
    /** From claim to the assignee reporting it resolved. */
    RESOLVE,
    /** From resolution to the on-site check. */
    VERIFY
}
