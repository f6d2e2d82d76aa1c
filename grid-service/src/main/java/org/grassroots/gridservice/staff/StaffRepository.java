package org.grassroots.gridservice.staff;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.platform.crypto.FieldCipher;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores staff assignments; storing a change also stores its events for the outbox relay.
 * Names are sealed by the field cipher on the way in and opened on the way out.
 */
@Repository
class StaffRepository implements IndexedQueries {

    private static final String COLLECTION = StaffAssignmentDocument.COLLECTION;
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "assignedAt").and(Sort.by("_id"));

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final FieldCipher cipher;

    StaffRepository(MongoTemplate mongo, AggregateStore store, FieldCipher cipher) {
        this.mongo = mongo;
        this.store = store;
        this.cipher = cipher;
    }

    /** Staff by grid, by worker, and the active workers the staffing report counts. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(COLLECTION), List.of(
                // ofGrid(), activeOf(): a grid's staff, newest first.
                StoreIndex.on(COLLECTION).ascending("gridCode", "active").descending("assignedAt").build(),
                // ofWorker(): a worker's grids, newest first.
                StoreIndex.on(COLLECTION).ascending("userId", "active").descending("assignedAt").build(),
                // activeCommunityWorkers(): the staffing report.
                StoreIndex.on(COLLECTION).ascending("active", "role").build()));
    }

    void add(StaffAssignment assignment, List<IntegrationEvent> events) {
        store.insert(StaffAssignmentDocument.of(assignment, cipher.encrypt(assignment.name())), events);
    }

    /** Stores the change only if nobody changed the assignment since it was read at {@code readVersion}. */
    void update(StaffAssignment assignment, long readVersion, List<IntegrationEvent> events) {
        store.update(StaffAssignmentDocument.of(assignment, cipher.encrypt(assignment.name())), readVersion, events);
    }

    Optional<StaffAssignment> find(String id) {
        return Optional.ofNullable(id == null ? null : mongo.findById(id, StaffAssignmentDocument.class))
                .map(this::opened);
    }

    /** A page of the grid's staff, the current ones or its whole history, newest first. */
    Page<StaffAssignment> ofGrid(String gridCode, boolean history, Paging paging) {
        Criteria criteria = where("gridCode").is(gridCode);
        if (!history) {
            criteria = criteria.and("active").is(true);
        }
        return PagedQueries.page(mongo, new Query(criteria).with(NEWEST_FIRST), StaffAssignmentDocument.class,
                this::opened, paging);
    }

    /**
     * A page of a worker's assignments, the current ones or all, newest first; only those in
     * {@code area}'s area unless it is null.
     */
    Page<StaffAssignment> ofWorker(String userId, boolean history, Caller area, Paging paging) {
        Criteria criteria = where("userId").is(userId);
        if (!history) {
            criteria = criteria.and("active").is(true);
        }
        if (area != null) {
            criteria = criteria.andOperator(OrgPathScope.inAreaOf("orgPath", area));
        }
        return PagedQueries.page(mongo, new Query(criteria).with(NEWEST_FIRST), StaffAssignmentDocument.class,
                this::opened, paging);
    }

    /** The active assignments of a role in a grid, of one person if {@code userId} is given. */
    List<StaffAssignment> activeOf(String gridCode, String userId, StaffRole role) {
        Criteria criteria = where("gridCode").is(gridCode).and("role").is(role).and("active").is(true);
        if (userId != null) {
            criteria = criteria.and("userId").is(userId);
        }
        return assignments(new Query(criteria));
    }

    List<StaffAssignment> activeInRoles(List<StaffRole> roles) {
        return assignments(query(where("active").is(true).and("role").in(roles)));
    }

    private List<StaffAssignment> assignments(Query query) {
        return mongo.find(query, StaffAssignmentDocument.class).stream().map(this::opened).toList();
    }

    /** The assignment with its name opened (a name kept in plain before names were sealed reads as it is). */
    private StaffAssignment opened(StaffAssignmentDocument stored) {
        String name = stored.name();
        return stored.toAssignment(FieldCipher.keyIdOf(name) == null ? name : cipher.decrypt(name));
    }
}
