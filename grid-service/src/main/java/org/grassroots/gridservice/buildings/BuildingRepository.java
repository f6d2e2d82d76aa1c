package org.grassroots.gridservice.buildings;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores buildings; storing a change also stores its events for the outbox relay. */
@Repository
class BuildingRepository implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    BuildingRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The occupied buildings, which the start-up reconciliation compares with the households. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(BuildingDocument.COLLECTION), List.of(
                // occupied(): the start-up reconciliation.
                StoreIndex.on(BuildingDocument.COLLECTION).ascending("occupied").build()));
    }

    Optional<Building> find(String id) {
        return Optional.ofNullable(mongo.findById(id, BuildingDocument.class)).map(BuildingDocument::toBuilding);
    }

    List<Building> occupied() {
        return mongo.find(query(where("occupied").is(true)), BuildingDocument.class).stream()
                .map(BuildingDocument::toBuilding).toList();
    }

    void add(Building building, List<IntegrationEvent> events) {
        store.insert(BuildingDocument.of(building), events);
    }

    void update(Building building, long readVersion, List<IntegrationEvent> events) {
        store.update(BuildingDocument.of(building), readVersion, events);
    }
}
