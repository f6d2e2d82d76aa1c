package org.grassroots.gridservice.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.GridStaffAssigned;
import org.grassroots.contracts.grids.GridStaffUnassigned;
import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * One person holding one staff role in one grid for a time: 网格长, 专职网格员 (A岗 or B岗), 兼职网格员
 * (couriers, delivery riders), 微格长 or 楼栋长. Ending an assignment keeps it, with who ended it and
 * when: the grid's staff history is its assignments. Each command returns the events it produced.
 *
 * <p>{@code building}: for a building leader, the building they lead (e.g. 3幢); null otherwise.
 * {@code name}: the person's name as their colleagues know them (e.g. 陈明), given when assigned so that
 * dispatchers pick people rather than account ids; personal data: never in the events, masked for
 * callers who only oversee (see {@code StaffAssignmentResponse}), stored sealed by the field cipher
 * ({@link StaffRepository}); null for assignments made before names were kept.
 */
public final class StaffAssignment {

    private final String id;
    private final String gridCode;
    private final String orgPath;
    private final String userId;
    private final StaffRole role;
    private final StaffPost post;
    private final String building;
    private final Instant assignedAt;
    private final String assignedBy;
    private Instant unassignedAt;
    private String unassignedBy;
    private boolean active;
    private long version;
    private final String name;

    StaffAssignment(String id, String gridCode, String orgPath, String userId, StaffRole role, StaffPost post,
            String building, Instant assignedAt, String assignedBy, Instant unassignedAt, String unassignedBy,
            boolean active, long version, String name) {
        this.id = Objects.requireNonNull(id, "id");
        this.gridCode = gridCode;
        this.orgPath = orgPath;
        this.userId = userId;
        this.role = role;
        this.post = post;
        this.building = building;
        this.assignedAt = assignedAt;
        this.assignedBy = assignedBy;
        this.unassignedAt = unassignedAt;
        this.unassignedBy = unassignedBy;
        this.active = active;
        this.version = version;
        this.name = name;
    }

    /** A new, active assignment at version 1; {@link #assigned()} is the event of its creation. */
    static StaffAssignment assign(String id, String gridCode, String orgPath, String userId, StaffRole role,
            StaffPost post, String building, Instant now, String by, String name) {
        return new StaffAssignment(id, gridCode, orgPath, userId, role, post, building, now, by, null, null, true, 1,
                name);
    }

    List<IntegrationEvent> assigned() {
        return List.of(new GridStaffAssigned(id, version, orgPath, assignedAt, gridCode, userId, role, post));
    }

    /** Ends the assignment; it stays, with who ended it and when. An ended one cannot end again. */
    List<IntegrationEvent> unassign(Instant now, String by) {
        if (!active) {
            throw new InvalidStateException("assignment " + id + " has already ended");
        }
        active = false;
        unassignedAt = now;
        unassignedBy = by;
        version++;
        return List.of(new GridStaffUnassigned(id, version, orgPath, unassignedAt, gridCode, userId, role, post));
    }

    public String id() { return id; }
    public String gridCode() { return gridCode; }
    public String orgPath() { return orgPath; }
    public String userId() { return userId; }
    public StaffRole role() { return role; }
    public StaffPost post() { return post; }
    public String building() { return building; }
    public Instant assignedAt() { return assignedAt; }
    public String assignedBy() { return assignedBy; }
    public Instant unassignedAt() { return unassignedAt; }
    public String unassignedBy() { return unassignedBy; }
    public boolean active() { return active; }
    public long version() { return version; }
    public String name() { return name; }
}
