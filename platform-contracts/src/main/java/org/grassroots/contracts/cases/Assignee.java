package org.grassroots.contracts.cases;

/**
 * Whoever a case is dispatched to.
 *
 * @param id          department id, or the user id of the party member or grid worker
 * @param displayName the department's name, or the person's work name as shown to staff
 *                    (a role name, never a phone or ID number)
 */
public record Assignee(AssigneeKind kind, String id, String displayName) {

    public Assignee {
        Require.present(kind, "kind");
        Require.text(id, "id");
    }
}
