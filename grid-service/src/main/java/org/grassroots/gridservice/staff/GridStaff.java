package org.grassroots.gridservice.staff;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Who serves in which grid. Community and street staff and administrators assign and unassign within
 * their area (403 outside it); staff of the area read a grid's staff; a worker reads their own grids.
 */
@Service
public class GridStaff {

    private final StaffRepository staff;
    private final Grids grids;
    private final Clock clock;

    GridStaff(StaffRepository staff, Grids grids, Clock clock) {
        this.staff = staff;
        this.grids = grids;
        this.clock = clock;
    }

    public StaffAssignment assign(String gridCode, String userId, StaffRole role, StaffPost post, String building,
            String name, Caller caller) {
        Grid grid = grids.get(gridCode);
        caller.requireOrgPath(grid.orgPath());
        if (grid.isRetired()) {
            throw new InvalidStateException("grid " + gridCode + " is retired");
        }
        checkRole(grid, role, post, building);
        if (!activeOf(gridCode, userId, role).isEmpty()) {
            throw new AlreadyExistsException("Assignment of " + role + " " + userId + " in grid", gridCode);
        }
        if ((role == StaffRole.GRID_CHIEF || role == StaffRole.MICRO_GRID_CHIEF) && !activeOf(gridCode, null, role).isEmpty()) {
            throw new InvalidStateException("grid " + gridCode + " already has a " + role + "; unassign them first");
        }
        StaffAssignment assignment = StaffAssignment.assign(UUID.randomUUID().toString(), gridCode, grid.orgPath(),
                userId, role, role == StaffRole.FULL_TIME_WORKER ? post : null, blankToNull(building), clock.instant(),
                caller.userId(), blankToNull(name));
        staff.add(assignment, assignment.assigned());
        return assignment;
    }

    public StaffAssignment unassign(String gridCode, String assignmentId, Caller caller) {
        StaffAssignment assignment = staff.find(assignmentId).filter(found -> found.gridCode().equals(gridCode))
                .orElseThrow(() -> new NotFoundException("Assignment", assignmentId));
        caller.requireOrgPath(assignment.orgPath());
        long readVersion = assignment.version();
        staff.update(assignment, readVersion, assignment.unassign(clock.instant(), caller.userId()));
        return assignment;
    }

    /** A page of the grid's staff, the current ones or its whole history, newest first. */
    public Page<StaffAssignment> ofGrid(String gridCode, boolean history, Paging paging, Caller caller) {
        Grid grid = grids.get(gridCode);
        caller.requireOrgPath(grid.orgPath());
        return staff.ofGrid(gridCode, history, paging);
    }

    /**
     * A page of a worker's grids, newest first: all of them for the worker themselves, those in the
     * caller's area for staff; a caller who is neither sees nothing of it (404, as if the worker had none).
     */
    public Page<StaffAssignment> ofWorker(String userId, boolean history, Paging paging, Caller caller) {
        if (caller.isSubject(userId)) {
            return staff.ofWorker(userId, history, null, paging);
        }
        if (!caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.DISTRICT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF)) {
            throw new NotFoundException("Worker", userId);
        }
        return staff.ofWorker(userId, history, caller, paging);
    }

    /** Active full-time workers and grid chiefs per community org path: the staffing report counts them. */
    public List<StaffAssignment> activeCommunityWorkers() {
        return staff.activeInRoles(List.of(StaffRole.FULL_TIME_WORKER, StaffRole.GRID_CHIEF));
    }

    private List<StaffAssignment> activeOf(String gridCode, String userId, StaffRole role) {
        return staff.activeOf(gridCode, userId, role);
    }

    private static void checkRole(Grid grid, StaffRole role, StaffPost post, String building) {
        if (role == StaffRole.FULL_TIME_WORKER && post == null) {
            throw new InvalidFieldException("post", "a full-time grid worker holds POST_A (community desk) or POST_B "
                    + "(grid round)");
        }
        if (role != StaffRole.FULL_TIME_WORKER && post != null) {
            throw new InvalidFieldException("post", "only full-time grid workers hold a post");
        }
        if (role == StaffRole.MICRO_GRID_CHIEF && grid.level() != GridLevel.MICRO) {
            throw new InvalidFieldException("role", "a micro-grid chief serves a micro-grid, not a " + grid.level());
        }
        if (role == StaffRole.GRID_CHIEF && grid.level() == GridLevel.MICRO) {
            throw new InvalidFieldException("role", "a micro-grid is led by a MICRO_GRID_CHIEF");
        }
        if (role == StaffRole.BUILDING_LEADER && (building == null || building.isBlank())) {
            throw new InvalidFieldException("building", "is required for a building leader");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
