package org.grassroots.gridservice.staff;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.grids.GridStaffAssigned;
import org.grassroots.contracts.grids.GridStaffUnassigned;
import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.platform.domain.InvalidStateException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One person holding one staff role in one grid for a time: 网格长, 专职网格员 (A岗 or B岗), 兼职网格员
 * (couriers, delivery riders), 微格长 or 楼栋长. Ending an assignment keeps it, with who ended it and
 * when: the grid's staff history is its assignments.
 *
 * @param building for a building leader, the building they lead (e.g. 3幢); null otherwise
 * @param name     the person's name as their colleagues know them (e.g. 陈明), given when assigned so
 *                 that dispatchers pick people rather than account ids; personal data: never in the
 *                 events, masked for callers who only oversee (see {@code StaffAssignmentResponse}),
 *                 stored sealed by the field cipher ({@code GridStaff}); null for assignments made
 *                 before names were kept
 */
@Document("staff_assignments")
public record StaffAssignment(@Id String id, String gridCode, String orgPath, String userId,
        StaffRole role, StaffPost post, String building, Instant assignedAt, String assignedBy, Instant unassignedAt,
        String unassignedBy, boolean active, long version, String name) {

    static StaffAssignment assign(String id, String gridCode, String orgPath, String userId, StaffRole role,
            StaffPost post, String building, Instant now, String by, String name) {
        return new StaffAssignment(id, gridCode, orgPath, userId, role, post, building, now, by, null, null, true, 1,
                name);
    }

    /** The same assignment with its name in another form (sealed for the store, opened for the caller). */
    StaffAssignment withName(String otherForm) {
        return new StaffAssignment(id, gridCode, orgPath, userId, role, post, building, assignedAt, assignedBy,
                unassignedAt, unassignedBy, active, version, otherForm);
    }

    List<GridStaffAssigned> assigned() {
        return List.of(new GridStaffAssigned(id, version, orgPath, assignedAt, gridCode, userId, role, post));
    }

    StaffAssignment unassign(Instant now, String by) {
        if (!active) {
            throw new InvalidStateException("assignment " + id + " has already ended");
        }
        return new StaffAssignment(id, gridCode, orgPath, userId, role, post, building, assignedAt, assignedBy, now, by,
                false, version + 1, name);
    }

    List<GridStaffUnassigned> unassigned() {
        return List.of(new GridStaffUnassigned(id, version, orgPath, unassignedAt, gridCode, userId, role, post));
    }
}
