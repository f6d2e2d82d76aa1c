package org.grassroots.contracts.grids;

import java.time.Instant;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Someone left a staff role in a grid; the assignment stays in the grid's history.
 *
 * @param assignmentId     the assignment's id, also the event's subject and Kafka key
 * @param aggregateVersion the assignment's version after this change
 * @param orgPath          the grid's community's org path
 * @param occurredAt       when it happened
 * @param gridCode         the grid
 * @param userId           the staff member's user id (Keycloak subject)
 * @param role             the role held
 * @param post             A or B post of a full-time worker, null for other roles
 */
public record GridStaffUnassigned(
        String assignmentId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String gridCode,
        String userId,
        StaffRole role,
        StaffPost post) implements IntegrationEvent {

    public GridStaffUnassigned {
        Require.event(assignmentId, "assignmentId", aggregateVersion, orgPath, occurredAt);
        Require.text(gridCode, "gridCode");
        Require.text(userId, "userId");
        Require.present(role, "role");
    }

    @Override
    public String subject() {
        return assignmentId;
    }
}
