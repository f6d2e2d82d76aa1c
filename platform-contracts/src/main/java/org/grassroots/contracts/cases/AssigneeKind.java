package org.grassroots.contracts.cases;

/** What kind of party a case is dispatched to. */
public enum AssigneeKind {
    DEPARTMENT,
    PARTY_MEMBER,
    GRID_WORKER
}
