package org.grassroots.caseservice.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/**
 * The read model of checked targets: the records {@link TargetFollower} wrote, one per applied event, and the
 * answers derived from them. A target's state is its record of the highest version.
 */
@Component
public class TargetDirectory implements IndexedQueries {

    /** One document per applied org or grid event, its {@code _id} the event id (IdempotentConsumer). */
    static final String COLLECTION = "target_events";

    /** The field of {@link #latestOfEach}'s groups that holds the newest record. */
    private static final String NEWEST = "newest";

    private final MongoTemplate mongo;

    TargetDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * latest() and latestOfEach(): the newest record of one target, or of each of a kind (the aggregation's
     * sort and group follow this index's order, so it serves both); the records of one person.
     */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                StoreIndex.on(COLLECTION).ascending(TargetRecord.KIND, TargetRecord.KEY).descending(TargetRecord.VERSION)
                        .named("target_latest"),
                StoreIndex.on(COLLECTION).ascending(TargetRecord.USER_ID).sparse().named("target_person"));
    }

    /** The state of one target: its record of the highest version, if any event about it arrived. */
    Optional<TargetRecord> latest(TargetKind kind, String key) {
        Document newest = mongo.getCollection(COLLECTION)
                .find(new Document(TargetRecord.KIND, kind.name()).append(TargetRecord.KEY, key))
                .sort(Sorts.descending(TargetRecord.VERSION)).limit(1).first();
        return Optional.ofNullable(newest).map(TargetRecord::of);
    }

    /** Whether the department is registered with org-service and active. */
    public boolean isActiveDepartment(String code) {
        return latest(TargetKind.DEPARTMENT, code).map(TargetRecord::active).orElse(false);
    }

    /** Whether the department was registered and has been retired (deactivated) since. */
    public boolean isRetiredDepartment(String code) {
        return latest(TargetKind.DEPARTMENT, code).map(department -> !department.active()).orElse(false);
    }

    /** Whether the user is a party member of org-service who is not retired. */
    public boolean isActivePartyMember(String userId) {
        return anyActive(TargetKind.PARTY_MEMBER, userId);
    }

    /** Whether the user holds a grid staff post (grid-service) now. */
    public boolean isActiveGridStaff(String userId) {
        return anyActive(TargetKind.GRID_STAFF, userId);
    }

    /** Every department case-service has learnt of, by code: whether it is active, and where it belongs. */
    public List<DepartmentState> departments() {
        return latestOfEach(TargetKind.DEPARTMENT).values().stream()
                .map(department -> new DepartmentState(department.key(), department.active(), department.orgPath())).toList();
    }

    /** A department as the checks see it. */
    public record DepartmentState(String code, boolean active, String orgPath) {
    }

    /** The codes of departments that were registered and are no longer active. */
    public List<String> retiredDepartments() {
        List<String> retired = new ArrayList<>();
        latestOfEach(TargetKind.DEPARTMENT).forEach((code, department) -> {
            if (!department.active()) {
                retired.add(code);
            }
        });
        return retired;
    }

    /**
     * The whole model: every target's state, by kind and key. Two case-services that read the same
     * events, in whatever order and however often, have equal snapshots.
     */
    public Map<String, TargetRecord> snapshot() {
        Map<String, TargetRecord> model = new TreeMap<>();
        for (TargetKind kind : TargetKind.values()) {
            latestOfEach(kind).forEach((key, state) -> model.put(kind + "/" + key, state));
        }
        return model;
    }

    private boolean anyActive(TargetKind kind, String userId) {
        if (userId == null) {
            return false;
        }
        // A person's records carry their user id; the person counts if any of their targets (a membership,
        // a staff post) is, at its newest version, active and still theirs.
        List<String> keys = new ArrayList<>();
        mongo.getCollection(COLLECTION).find(new Document(TargetRecord.USER_ID, userId).append(TargetRecord.KIND, kind.name()))
                .forEach(document -> keys.add(document.getString(TargetRecord.KEY)));
        return keys.stream().distinct().map(key -> latest(kind, key)).flatMap(Optional::stream)
                .anyMatch(state -> state.active() && userId.equals(state.userId()));
    }

    /**
     * The newest record of each target of the kind, by key. The store picks them: the kind's records in
     * {@code target_latest}'s order (key, then newest version first) and the first of each key, so it hands
     * back one record per target instead of every record each target ever had (MongoDB answers the sort and
     * the group's {@code $first} from the index, a distinct scan, without reading the older versions).
     */
    private Map<String, TargetRecord> latestOfEach(TargetKind kind) {
        Map<String, TargetRecord> latest = new TreeMap<>();
        mongo.getCollection(COLLECTION).aggregate(List.of(
                Aggregates.match(Filters.eq(TargetRecord.KIND, kind.name())),
                Aggregates.sort(Sorts.orderBy(Sorts.ascending(TargetRecord.KIND, TargetRecord.KEY),
                        Sorts.descending(TargetRecord.VERSION))),
                Aggregates.group("$" + TargetRecord.KEY, Accumulators.first(NEWEST, "$$ROOT"))))
                .forEach(group -> {
                    TargetRecord record = TargetRecord.of(group.get(NEWEST, Document.class));
                    latest.put(record.key(), record);
                });
        return latest;
    }
}
