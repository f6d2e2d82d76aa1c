package org.grassroots.gridservice.staff.web;

import java.time.Instant;

import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.gridservice.staff.StaffAssignment;

/** One person's post on a grid, current or past, as the API shows it. */
record StaffAssignmentResponse(String id, String gridCode, String orgPath, String userId, StaffRole role, StaffPost post,
        String building, Instant assignedAt, String assignedBy, Instant unassignedAt, String unassignedBy, boolean active,
        long version) {

    static StaffAssignmentResponse of(StaffAssignment assignment) {
        return new StaffAssignmentResponse(assignment.id(), assignment.gridCode(), assignment.orgPath(),
                assignment.userId(), assignment.role(), assignment.post(), assignment.building(), assignment.assignedAt(),
                assignment.assignedBy(), assignment.unassignedAt(), assignment.unassignedBy(), assignment.active(),
                assignment.version());
    }
}
