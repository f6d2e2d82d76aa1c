package org.grassroots.evaluationservice.socialorgs;

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

/** Loads and stores social organisations' assessments through the {@link AggregateStore}. */
@Repository
class SocialOrganizationRepository implements IndexedQueries {

    static final String COLLECTION = "social_organizations";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    SocialOrganizationRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The aggregate store's outbox and version compare-and-set; organisations are read by code. */
    @Override
    public List<StoreIndex> indexes() {
        return OutboxIndexes.ofAggregates(COLLECTION);
    }

    Optional<SocialOrganization> find(String code) {
        return Optional.ofNullable(mongo.findById(code, SocialOrganizationDocument.class))
                .map(SocialOrganizationDocument::toOrganization);
    }

    /** The assessed organisations among {@code codes}, by code. */
    Map<String, SocialOrganization> findAll(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), SocialOrganizationDocument.class).stream()
                .map(SocialOrganizationDocument::toOrganization)
                .collect(Collectors.toMap(SocialOrganization::code, Function.identity()));
    }

    /** Stores the change: the first assessment inserts, later changes only at the version read. */
    void save(SocialOrganization organization, long readVersion, List<? extends IntegrationEvent> events) {
        if (readVersion == 0) {
            store.insert(SocialOrganizationDocument.of(organization), events);
        } else {
            store.update(SocialOrganizationDocument.of(organization), readVersion, events);
        }
    }
}
