package org.grassroots.gridservice.grids;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.grids.GridEvent;
import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.locationtech.jts.geom.Envelope;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.mongodb.MongoWriteException;

/** Loads and stores grids; storing a change also stores its events for the outbox relay. */
@Repository
public class GridRepository implements IndexedQueries {

    /** MongoDB's error code when a document's geometry breaks its 2dsphere index's rules. */
    private static final int CANNOT_EXTRACT_GEO_KEYS = 16755;

    private final MongoTemplate mongo;
    private final AggregateStore store;

    GridRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The grids' queries: by community, parent or level, and the boundary for a real MongoDB's geo queries. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(GridDocument.COLLECTION), List.of(
                // Not read by this service (the locator works in memory, JTS); a real MongoDB answers
                // $geoIntersects from it, and checks every stored boundary against its geometry rules.
                StoreIndex.on(GridDocument.COLLECTION).geo2dsphere("boundary").named("boundary_2dsphere"),
                // allActive(): what the locator is built from; activeWithUnpublishedBoundary().
                StoreIndex.on(GridDocument.COLLECTION).ascending("retired").build(),
                // list(), page() by community, activeOfCommunity().
                StoreIndex.on(GridDocument.COLLECTION).ascending("communityId", "retired").build(),
                // list(), page() by parent, hasActiveChildren().
                StoreIndex.on(GridDocument.COLLECTION).ascending("parentCode", "retired").build(),
                // list(), page() by level, siblingsNear(): the neighbours' bounding boxes on one level.
                StoreIndex.on(GridDocument.COLLECTION).ascending("level", "retired", "minLon").build()));
    }

    void add(Grid grid, List<GridEvent> events) {
        try {
            store.insert(GridDocument.of(grid), events);
        } catch (MongoWriteException refused) {
            throw boundaryRefused(grid, refused);
        }
    }

    /** Stores the change only if nobody changed the grid since it was read at {@code readVersion}. */
    void update(Grid grid, long readVersion, List<GridEvent> events) {
        try {
            store.update(GridDocument.of(grid), readVersion, events);
        } catch (MongoWriteException refused) {
            throw boundaryRefused(grid, refused);
        }
    }

    /**
     * The last line of defence: {@code GeoJson.readBoundary} checks MongoDB's geometry rules before the
     * write, but should the store still refuse the boundary ("Can't extract geo keys"), the client is
     * told which grid and why (400), not given a 500.
     */
    private static RuntimeException boundaryRefused(Grid grid, MongoWriteException refused) {
        if (refused.getError().getCode() == CANNOT_EXTRACT_GEO_KEYS) {
            return new InvalidFieldException("boundary", "grid " + grid.code() + ": the store refused the boundary: "
                    + refused.getError().getMessage());
        }
        return refused;
    }

    public Optional<Grid> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, GridDocument.class))
                .map(GridDocument::toGrid);
    }

    /** Every active grid: what the locator is built from. */
    public List<Grid> allActive() {
        return mongo.find(query(where("retired").is(false)), GridDocument.class).stream()
                .map(GridDocument::toGrid).toList();
    }

    /** Active grids no event has carried the boundary of: drawn before events carried boundaries. */
    List<Grid> activeWithUnpublishedBoundary() {
        return mongo.find(query(where("retired").is(false).and("boundaryPublished").ne(true)), GridDocument.class)
                .stream().map(GridDocument::toGrid).toList();
    }

    List<Grid> list(GridFilter filter) {
        return mongo.find(new Query(filtered(filter)).with(Sort.by("_id")), GridDocument.class).stream()
                .map(GridDocument::toGrid).toList();
    }

    /** A page of the grids the filter names, by code. */
    Page<Grid> page(GridFilter filter, Paging paging) {
        return PagedQueries.page(mongo, new Query(filtered(filter)).with(Sort.by("_id")), GridDocument.class,
                GridDocument::toGrid, paging);
    }

    private static Criteria filtered(GridFilter filter) {
        Criteria criteria = new Criteria();
        if (filter.communityId() != null) {
            criteria = criteria.and("communityId").is(filter.communityId());
        }
        if (filter.parentCode() != null) {
            criteria = criteria.and("parentCode").is(filter.parentCode());
        }
        if (filter.level() != null) {
            criteria = criteria.and("level").is(filter.level());
        }
        if (!filter.includeRetired()) {
            criteria = criteria.and("retired").is(false);
        }
        return criteria;
    }

    /** Active grids of the same parent and level whose bounding boxes meet {@code box}. */
    List<Grid> siblingsNear(String code, GridLevel level, String parentCode, Envelope box) {
        Criteria criteria = where("_id").ne(code).and("level").is(level).and("retired").is(false)
                .and("minLon").lte(box.getMaxX()).and("maxLon").gte(box.getMinX())
                .and("minLat").lte(box.getMaxY()).and("maxLat").gte(box.getMinY());
        if (parentCode != null) {
            criteria = criteria.and("parentCode").is(parentCode);
        }
        return mongo.find(new Query(criteria), GridDocument.class).stream().map(GridDocument::toGrid).toList();
    }

    boolean hasActiveChildren(String code) {
        return mongo.exists(query(where("parentCode").is(code).and("retired").is(false)), GridDocument.class);
    }

    List<Grid> activeOfCommunity(String communityId) {
        return mongo.find(query(where("communityId").is(communityId).and("retired").is(false)), GridDocument.class)
                .stream().map(GridDocument::toGrid).toList();
    }

    /** What to list: by community, parent or level; retired ones only if asked for. */
    record GridFilter(String communityId, String parentCode, GridLevel level, boolean includeRetired) {
    }
}
