package org.grassroots.orgservice.members;

import org.grassroots.platform.crypto.FieldCipher;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.PartyMemberEvent;
import org.grassroots.orgservice.store.BulkInserter;
import org.grassroots.orgservice.units.UnitMembership;
import org.grassroots.platform.outbox.AggregateStore;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;

/** Loads and stores members; storing a change also stores its event for the outbox relay. */
@Repository
public class MemberRepository implements UnitMembership, IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final BulkInserter bulk;
    private final FieldCipher cipher;

    MemberRepository(MongoTemplate mongo, AggregateStore store, BulkInserter bulk, FieldCipher cipher) {
        this.mongo = mongo;
        this.store = store;
        this.bulk = bulk;
        this.cipher = cipher;
    }

    /** Members by unit and by user. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(MemberDocument.COLLECTION), List.of(
                // inUnits(), countInUnits(), postsInUnits(), countByUnitAndStatus(), hasMembers(): members of units.
                StoreIndex.on(MemberDocument.COLLECTION).ascending("unitCode", "_id").build(),
                // findByUserId(): the member record of a signed-in user.
                StoreIndex.on(MemberDocument.COLLECTION).ascending("userId").build()));
    }

    public Optional<PartyMember> find(String id) {
        return Optional.ofNullable(mongo.findById(id, MemberDocument.class)).map(d -> d.toMember(cipher));
    }

    public Optional<PartyMember> findByUserId(String userId) {
        return Optional.ofNullable(mongo.findOne(query(where("userId").is(userId)), MemberDocument.class))
                .map(d -> d.toMember(cipher));
    }

    public void insert(PartyMember member, PartyMemberEvent event) {
        store.insert(MemberDocument.of(member, cipher), List.of(event));
    }

    public void update(PartyMember member, long readVersion, PartyMemberEvent event) {
        update(member, readVersion, List.of(event));
    }

    public void update(PartyMember member, long readVersion, List<? extends PartyMemberEvent> events) {
        store.update(MemberDocument.of(member, cipher), readVersion, events);
    }

    /** Registers many members in a few writes (the bulk import); their events travel with the import's. */
    public void insertAll(List<PartyMember> registered) {
        bulk.insertAll(MemberDocument.class, registered.stream().map(m -> MemberDocument.of(m, cipher)).toList());
    }

    public record Registered(PartyMember member, PartyMemberEvent event) {
    }

    /** The members with these ids, asked for a few hundred at a time: a huge {@code $in} is slow on any store. */
    public List<PartyMember> findAll(Collection<String> ids) {
        List<String> all = List.copyOf(ids);
        List<PartyMember> found = new ArrayList<>();
        for (int from = 0; from < all.size(); from += 500) {
            mongo.find(query(where("_id").in(all.subList(from, Math.min(all.size(), from + 500)))), MemberDocument.class)
                    .forEach(d -> found.add(d.toMember(cipher)));
        }
        return found;
    }

    public List<PartyMember> inUnits(Collection<String> unitCodes, long skip, int limit) {
        Query page = query(where("unitCode").in(unitCodes)).with(Sort.by("unitCode", "_id")).skip(skip).limit(limit);
        return mongo.find(page, MemberDocument.class).stream().map(d -> d.toMember(cipher)).toList();
    }

    public long countInUnits(Collection<String> unitCodes) {
        return mongo.count(query(where("unitCode").in(unitCodes)), MemberDocument.class);
    }

    /** Members of these units without decrypting anyone's phone: for reports. */
    public List<PartyMember> postsInUnits(Collection<String> unitCodes) {
        Query posts = query(where("unitCode").in(unitCodes));
        posts.fields().exclude("phoneEncrypted").exclude("name").exclude("transfers");
        return mongo.find(posts, MemberDocument.class).stream()
                .map(d -> new PartyMember(d.id(), "", null, d.joinedOn(), d.status(), d.unitCode(), d.roles(),
                        d.userId(), List.of(), d.version()))
                .toList();
    }

    /** Member counts per unit and status, for the units given. */
    public Map<String, Map<MemberStatus, Long>> countByUnitAndStatus(Collection<String> unitCodes) {
        Map<String, Map<MemberStatus, Long>> counts = new HashMap<>();
        mongo.getCollection(MemberDocument.COLLECTION).aggregate(List.of(
                Aggregates.match(Filters.in("unitCode", unitCodes)),
                Aggregates.group(new Document("unit", "$unitCode").append("status", "$status"),
                        Accumulators.sum("n", 1))))
                .forEach(row -> {
                    Document key = row.get("_id", Document.class);
                    counts.computeIfAbsent(key.getString("unit"), u -> new HashMap<>())
                            .put(MemberStatus.valueOf(key.getString("status")), ((Number) row.get("n")).longValue());
                });
        return counts;
    }

    @Override
    public boolean hasMembers(String unitCode) {
        return mongo.exists(query(where("unitCode").is(unitCode)), MemberDocument.class);
    }
}
