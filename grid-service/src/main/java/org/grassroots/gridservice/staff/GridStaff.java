package org.grassroots.gridservice.staff;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.platform.crypto.FieldCipher;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Who serves in which grid. Community and street staff and administrators assign and unassign within
 * their area (403 outside it); staff of the area read a grid's staff; a worker reads their own grids.
 */
@Service
public class GridStaff implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Grids grids;
    private final Clock clock;
    private final FieldCipher cipher;

    GridStaff(MongoTemplate mongo, AggregateStore store, Grids grids, Clock clock, FieldCipher cipher) {
        this.mongo = mongo;
        this.store = store;
        this.grids = grids;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** Staff by grid, by worker, and the active workers the staffing report counts. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofAggregates("staff_assignments"), List.of(
                // ofGrid(), activeOf(): a grid's staff, newest first.
                StoreIndex.on("staff_assignments").ascending("gridCode", "active").descending("assignedAt").build(),
                // ofWorker(): a worker's grids, newest first.
                StoreIndex.on("staff_assignments").ascending("userId", "active").descending("assignedAt").build(),
                // activeCommunityWorkers(): the staffing report.
                StoreIndex.on("staff_assignments").ascending("active", "role").build()));
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
        store.insert(assignment.withName(cipher.encrypt(assignment.name())), assignment.assigned());
        return assignment;
    }

    public StaffAssignment unassign(String gridCode, String assignmentId, Caller caller) {
        StaffAssignment current = mongo.findById(assignmentId, StaffAssignment.class);
        if (current == null || !current.gridCode().equals(gridCode)) {
            throw new NotFoundException("Assignment", assignmentId);
        }
        caller.requireOrgPath(current.orgPath());
        StaffAssignment ended = current.unassign(clock.instant(), caller.userId());
        store.update(ended, current.version(), ended.unassigned());
        return opened(ended);
    }

    /** The grid's staff, the current ones or its whole history, newest first. */
    public List<StaffAssignment> ofGrid(String gridCode, boolean history, Caller caller) {
        Grid grid = grids.get(gridCode);
        caller.requireOrgPath(grid.orgPath());
        Criteria criteria = where("gridCode").is(gridCode);
        if (!history) {
            criteria = criteria.and("active").is(true);
        }
        return mongo.find(new Query(criteria).with(Sort.by(Sort.Direction.DESC, "assignedAt")), StaffAssignment.class)
                .stream().map(this::opened).toList();
    }

    /**
     * A worker's grids: all of them for the worker themselves, those in the caller's area for staff;
     * a caller who is neither sees nothing of it (404, as if the worker had none).
     */
    public List<StaffAssignment> ofWorker(String userId, boolean history, Caller caller) {
        Criteria criteria = where("userId").is(userId);
        if (!history) {
            criteria = criteria.and("active").is(true);
        }
        List<StaffAssignment> all = mongo.find(
                new Query(criteria).with(Sort.by(Sort.Direction.DESC, "assignedAt")), StaffAssignment.class)
                .stream().map(this::opened).toList();
        if (caller.isSubject(userId)) {
            return all;
        }
        if (!caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.DISTRICT_ADMIN, Roles.STREET_STAFF, Roles.COMMUNITY_STAFF)) {
            throw new NotFoundException("Worker", userId);
        }
        return all.stream().filter(assignment -> caller.maySeeOrgPath(assignment.orgPath())).toList();
    }

    /** Active full-time workers and grid chiefs per community org path: the staffing report counts them. */
    public List<StaffAssignment> activeCommunityWorkers() {
        return mongo.find(query(where("active").is(true)
                .and("role").in(StaffRole.FULL_TIME_WORKER, StaffRole.GRID_CHIEF)), StaffAssignment.class);
    }

    private List<StaffAssignment> activeOf(String gridCode, String userId, StaffRole role) {
        Criteria criteria = where("gridCode").is(gridCode).and("role").is(role).and("active").is(true);
        if (userId != null) {
            criteria = criteria.and("userId").is(userId);
        }
        return mongo.find(new Query(criteria), StaffAssignment.class);
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

    /** The assignment with its name opened (a name kept in plain before names were sealed reads as it is). */
    private StaffAssignment opened(StaffAssignment stored) {
        String name = stored.name();
        return FieldCipher.keyIdOf(name) == null ? stored : stored.withName(cipher.decrypt(name));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
