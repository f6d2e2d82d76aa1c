package org.grassroots.gridservice.staff.web;

import java.time.Instant;

import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.gridservice.pii.Masking;
import org.grassroots.gridservice.staff.StaffAssignment;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;

/**
 * One person's post on a grid, current or past, as the API shows it. {@code name} is the person's name
 * in full for those who work with them face to face where the grid lies (grid workers and community
 * staff, as for households) and for the person themselves; callers who oversee (street staff,
 * administrators) see the surname only, e.g. {@code 陈*}; {@code nameMasked} says which.
 */
record StaffAssignmentResponse(String id, String gridCode, String orgPath, String userId, StaffRole role, StaffPost post,
        String building, Instant assignedAt, String assignedBy, Instant unassignedAt, String unassignedBy, boolean active,
        long version, String name, boolean nameMasked) {

    static StaffAssignmentResponse of(StaffAssignment assignment, Caller caller) {
        boolean full = caller.isSubject(assignment.userId()) || caller.maySeeOrgPath(assignment.orgPath())
                && caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF);
        String name = assignment.name() == null || full ? assignment.name() : Masking.name(assignment.name());
        return new StaffAssignmentResponse(assignment.id(), assignment.gridCode(), assignment.orgPath(),
                assignment.userId(), assignment.role(), assignment.post(), assignment.building(), assignment.assignedAt(),
                assignment.assignedBy(), assignment.unassignedAt(), assignment.unassignedBy(), assignment.active(),
                assignment.version(), name, assignment.name() != null && !full);
    }
}
