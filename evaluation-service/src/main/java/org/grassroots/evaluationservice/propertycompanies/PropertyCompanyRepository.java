package org.grassroots.evaluationservice.propertycompanies;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores property companies' inspections through the {@link AggregateStore}. */
@Repository
class PropertyCompanyRepository implements IndexedQueries {

    static final String COLLECTION = "property_companies";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    PropertyCompanyRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The aggregate store's outbox and version compare-and-set; the few companies are read whole. */
    @Override
    public List<StoreIndex> indexes() {
        return OutboxIndexes.ofAggregates(COLLECTION);
    }

    Optional<PropertyCompany> find(String code) {
        return Optional.ofNullable(mongo.findById(code, PropertyCompanyDocument.class))
                .map(PropertyCompanyDocument::toCompany);
    }

    /** The inspected companies among {@code codes}, by code. */
    Map<String, PropertyCompany> findAll(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), PropertyCompanyDocument.class).stream()
                .map(PropertyCompanyDocument::toCompany)
                .collect(Collectors.toMap(PropertyCompany::code, Function.identity()));
    }

    /** Stores the change: the first inspection inserts, later ones only at the version read. */
    void save(PropertyCompany company, long readVersion, List<? extends IntegrationEvent> events) {
        if (readVersion == 0) {
            store.insert(PropertyCompanyDocument.of(company), events);
        } else {
            store.update(PropertyCompanyDocument.of(company), readVersion, events);
        }
    }
}
