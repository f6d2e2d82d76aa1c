package org.grassroots.gridservice.staff;

import java.time.Instant;

import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How an assignment is stored: the name sealed by the field cipher ({@link StaffRepository} seals and
 * opens it; a name stored in plain before names were sealed reads as it is). The outbox array beside
 * these fields belongs to the platform's relay.
 */
@Document(StaffAssignmentDocument.COLLECTION)
record StaffAssignmentDocument(@Id String id, String gridCode, String orgPath, String userId, StaffRole role,
        StaffPost post, String building, Instant assignedAt, String assignedBy, Instant unassignedAt,
        String unassignedBy, boolean active, long version, String name) {

    static final String COLLECTION = "staff_assignments";

    static StaffAssignmentDocument of(StaffAssignment assignment, String storedName) {
        return new StaffAssignmentDocument(assignment.id(), assignment.gridCode(), assignment.orgPath(),
                assignment.userId(), assignment.role(), assignment.post(), assignment.building(),
                assignment.assignedAt(), assignment.assignedBy(), assignment.unassignedAt(),
                assignment.unassignedBy(), assignment.active(), assignment.version(), storedName);
    }

    StaffAssignment toAssignment(String openedName) {
        return new StaffAssignment(id, gridCode, orgPath, userId, role, post, building, assignedAt, assignedBy,
                unassignedAt, unassignedBy, active, version, openedName);
    }
}
