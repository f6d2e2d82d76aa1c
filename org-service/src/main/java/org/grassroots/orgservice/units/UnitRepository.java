package org.grassroots.orgservice.units;

import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bson.Document;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.store.BulkInserter;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.scope.OrgPathScope;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

/** Loads and stores units; storing a change also stores its events for the outbox relay. */
@Repository
public class UnitRepository implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final BulkInserter bulk;

    UnitRepository(MongoTemplate mongo, AggregateStore store, BulkInserter bulk) {
        this.mongo = mongo;
        this.store = store;
        this.bulk = bulk;
    }

    /** The organisation tree by parent, by path prefix, and by type under a path. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(UnitDocument.COLLECTION), List.of(
                // children(), hasActiveChildren(): a unit's children by parent.
                StoreIndex.on(UnitDocument.COLLECTION).ascending("parentCode", "retired").build(),
                // descendants(), countDescendants(), search()'s scope, rewriteDescendants(): the subtree by path prefix.
                StoreIndex.on(UnitDocument.COLLECTION).ascending("path").build(),
                // subtree() and search() narrowed to one type (communities, grid branches) under a path.
                StoreIndex.on(UnitDocument.COLLECTION).ascending("type", "path").build()));
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(mongo.findById(code, UnitDocument.class)).map(UnitDocument::toUnit);
    }

    void insert(OrgUnit unit, OrgUnitEvent event) {
        store.insert(UnitDocument.of(unit), List.of(event));
    }

    void update(OrgUnit unit, long readVersion, OrgUnitEvent event) {
        store.update(UnitDocument.of(unit), readVersion, List.of(event));
    }

    /**
     * Inserts many new units in a few writes (the bulk import); their events travel separately,
     * through the import's own outbox documents.
     */
    public void insertAll(List<OrgUnit> created) {
        bulk.insertAll(UnitDocument.class, created.stream().map(UnitDocument::of).toList());
    }

    /** Stores a change no consumer needs to hear of (the expected grid count). */
    public void updateQuietly(OrgUnit unit, long readVersion) {
        store.update(UnitDocument.of(unit), readVersion, List.of());
    }

    public void update(OrgUnit.Changed<? extends OrgUnitEvent> change, long readVersion) {
        update(change.unit(), readVersion, change.event());
    }

    /** Every unit, for the import to compare against (a district holds a few thousand). */
    public List<OrgUnit> all() {
        return mongo.findAll(UnitDocument.class).stream().map(UnitDocument::toUnit).toList();
    }

    public List<OrgUnit> children(String code) {
        return mongo.find(query(where("parentCode").is(code)).with(Sort.by("code")), UnitDocument.class).stream()
                .map(UnitDocument::toUnit).toList();
    }

    public boolean hasActiveChildren(String code) {
        return mongo.exists(query(where("parentCode").is(code).and("retired").is(false)), UnitDocument.class);
    }

    /** The units strictly under {@code path}, in path order (depth first), one page of them. */
    public List<OrgUnit> descendants(String path, long skip, int limit) {
        Query page = query(under(path)).with(Sort.by("path")).skip(skip).limit(limit);
        return mongo.find(page, UnitDocument.class).stream().map(UnitDocument::toUnit).toList();
    }

    public long countDescendants(String path) {
        return mongo.count(query(under(path)), UnitDocument.class);
    }

    /** The units at or under {@code path}, optionally of one type. */
    public List<OrgUnit> subtree(String path, OrgUnitType type) {
        Criteria criteria = new Criteria().orOperator(where("path").is(path), under(path));
        if (type != null) {
            criteria = new Criteria().andOperator(criteria, where("type").is(type));
        }
        return mongo.find(query(criteria), UnitDocument.class).stream().map(UnitDocument::toUnit).toList();
    }

    public List<OrgUnit> findAll(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), UnitDocument.class).stream().map(UnitDocument::toUnit).toList();
    }

    /**
     * Units whose name contains {@code text} or whose code starts with it, within {@code scopePath}
     * (everything when null), by path.
     */
    public List<OrgUnit> search(String text, OrgUnitType type, String scopePath, long skip, int limit) {
        return mongo.find(searchQuery(text, type, scopePath).with(Sort.by("path")).skip(skip).limit(limit),
                UnitDocument.class).stream().map(UnitDocument::toUnit).toList();
    }

    public long countSearch(String text, OrgUnitType type, String scopePath) {
        return mongo.count(searchQuery(text, type, scopePath), UnitDocument.class);
    }

    private static Query searchQuery(String text, OrgUnitType type, String scopePath) {
        List<Criteria> all = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String quoted = Pattern.quote(text.strip());
            all.add(new Criteria().orOperator(where("name").regex(quoted), where("_id").regex("^" + quoted)));
        }
        if (type != null) {
            all.add(where("type").is(type));
        }
        if (scopePath != null) {
            all.add(new Criteria().orOperator(where("path").is(scopePath), under(scopePath)));
        }
        return all.isEmpty() ? new Query() : query(new Criteria().andOperator(all));
    }

    /**
     * Rewrites the paths under {@code from} to lie under {@code to}, bumping each unit's version so
     * that a client (or a holder whose lease ran out) still holding the old version gets a conflict.
     * Idempotent: units already rewritten no longer match {@code from}.
     */
    void rewriteDescendants(String from, String to) {
        List<WriteModel<Document>> rewrites = new ArrayList<>();
        mongo.getCollection(UnitDocument.COLLECTION)
                .find(OrgPathScope.strictlyUnder("path", from).getCriteriaObject())
                .projection(new Document("path", 1).append("version", 1))
                .forEach(unit -> {
                    String path = unit.getString("path");
                    long version = ((Number) unit.get("version")).longValue();
                    rewrites.add(new UpdateOneModel<>(
                            Filters.and(Filters.eq("_id", unit.get("_id")), Filters.eq("version", version)),
                            Updates.combine(Updates.set("path", to + path.substring(from.length())),
                                    Updates.set("version", version + 1))));
                });
        if (rewrites.isEmpty()) {
            return;
        }
        long matched = mongo.getCollection(UnitDocument.COLLECTION).bulkWrite(rewrites).getMatchedCount();
        if (matched != rewrites.size()) {
            throw new VersionConflictException(
                    "Units under " + from + " changed while they were being moved; reload and try again");
        }
    }

    private static Criteria under(String path) {
        return OrgPathScope.strictlyUnder("path", path);
    }
}
