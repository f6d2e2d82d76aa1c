package org.grassroots.caseservice.targets;

/** What a record of the read model is about, and what its key is. */
enum TargetKind {
    /** Key: the department code, e.g. {@code dept-urban} (what an assignee of kind DEPARTMENT names). */
    DEPARTMENT,
    /** Key: the member id; the user id (what an assignee of kind PARTY_MEMBER names) is a field. */
    PARTY_MEMBER,
    /** Key: the org unit code. */
    ORG_UNIT,
    /** Key: the grid staff assignment id; the user id (an assignee of kind GRID_WORKER) is a field. */
    GRID_STAFF
}
