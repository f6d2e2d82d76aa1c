package org.grassroots.evaluationservice.partners;

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

/**
 * Loads and stores what evaluation-service holds of one kind of partner (a property company's inspections,
 * a social organisation's assessments) through the {@link AggregateStore}: an aggregate kept under the
 * partner code, mapped to its {@code @Document} record and back. A subclass names the document and the
 * mappings, and is the bean; this class is abstract, so component scanning leaves it out.
 *
 * @param <A> the aggregate
 * @param <D> its stored document, whose {@code _id} is the partner code
 */
@Repository
public abstract class PartnerEvaluationRepository<A, D> implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final Class<D> documentType;
    private final Function<A, D> toDocument;
    private final Function<D, A> toAggregate;
    private final Function<A, String> codeOf;

    /**
     * @param documentType the {@code @Document} record, which names the collection
     * @param toDocument   the mapper from aggregate to document
     * @param toAggregate  the mapper back
     * @param codeOf       the aggregate's partner code
     */
    protected PartnerEvaluationRepository(MongoTemplate mongo, AggregateStore store, Class<D> documentType,
            Function<A, D> toDocument, Function<D, A> toAggregate, Function<A, String> codeOf) {
        this.mongo = mongo;
        this.store = store;
        this.documentType = documentType;
        this.toDocument = toDocument;
        this.toAggregate = toAggregate;
        this.codeOf = codeOf;
    }

    /** The aggregate store's outbox and version compare-and-set; the aggregates are read by code. */
    @Override
    public List<StoreIndex> indexes() {
        return OutboxIndexes.ofOutbox(mongo.getCollectionName(documentType));
    }

    public Optional<A> find(String code) {
        return Optional.ofNullable(mongo.findById(code, documentType)).map(toAggregate);
    }

    /** The stored aggregates among {@code codes}, by code; a partner nothing is held of is left out. */
    public Map<String, A> findAll(Collection<String> codes) {
        return mongo.find(query(where("_id").in(codes)), documentType).stream().map(toAggregate)
                .collect(Collectors.toMap(codeOf, Function.identity()));
    }

    /** Stores the change: the first one (read at version 0, not stored yet) inserts, later ones only at the version read. */
    public void save(A aggregate, long readVersion, List<? extends IntegrationEvent> events) {
        if (readVersion == 0) {
            store.insert(toDocument.apply(aggregate), events);
        } else {
            store.update(toDocument.apply(aggregate), readVersion, events);
        }
    }
}
