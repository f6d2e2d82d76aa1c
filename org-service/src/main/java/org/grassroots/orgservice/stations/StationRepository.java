package org.grassroots.orgservice.stations;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.orgs.StationEvent;
import org.grassroots.contracts.orgs.StationKind;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Loads and stores stations; storing a change also stores its events for the outbox relay. */
@Repository
class StationRepository implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    StationRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(StationDocument.COLLECTION), List.of(
                // Not read by this service (nearest() works in the application: the embedded store has no
                // geo queries); a real MongoDB answers $nearSphere from it.
                StoreIndex.on(StationDocument.COLLECTION).geo2dsphere("point").named("point_2dsphere"),
                // active(): the candidates of nearest().
                StoreIndex.on(StationDocument.COLLECTION).ascending("status").build(),
                // list() by unit or kind.
                StoreIndex.on(StationDocument.COLLECTION).ascending("unitCode").build(),
                StoreIndex.on(StationDocument.COLLECTION).ascending("kind").build()));
    }

    void add(Station station, StationEvent event) {
        store.insert(StationDocument.of(station), List.of(event));
    }

    void update(Station station, long readVersion, List<? extends StationEvent> events) {
        store.update(StationDocument.of(station), readVersion, events);
    }

    Optional<Station> find(String code) {
        return Optional.ofNullable(mongo.findById(code, StationDocument.class)).map(StationDocument::toStation);
    }

    /** The stations that may be open: what nearest() measures. */
    List<Station> active() {
        return mongo.find(query(where("status").is(Station.Status.ACTIVE)), StationDocument.class).stream()
                .map(StationDocument::toStation).toList();
    }

    Query listQuery(StationKind kind, String unitCode, String pathPrefix) {
        List<Criteria> all = new ArrayList<>();
        if (kind != null) {
            all.add(where("kind").is(kind));
        }
        if (unitCode != null && !unitCode.isBlank()) {
            all.add(where("unitCode").is(unitCode));
        }
        if (pathPrefix != null) {
            all.add(where("orgPath").regex("^" + java.util.regex.Pattern.quote(pathPrefix) + "(/|$)"));
        }
        return all.isEmpty() ? new Query() : query(new Criteria().andOperator(all));
    }

    List<Station> list(StationKind kind, String unitCode, String pathPrefix, long skip, int limit) {
        return mongo.find(listQuery(kind, unitCode, pathPrefix).with(Sort.by("_id")).skip(skip).limit(limit),
                StationDocument.class).stream().map(StationDocument::toStation).toList();
    }

    long count(StationKind kind, String unitCode, String pathPrefix) {
        return mongo.count(listQuery(kind, unitCode, pathPrefix), StationDocument.class);
    }
}
