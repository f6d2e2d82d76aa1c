package org.grassroots.evaluationservice.ratings;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Loads and stores ratings through the {@link AggregateStore}: a rating and its {@code CaseRated} are one write. */
@Repository
class RatingRepository implements IndexedQueries {

    static final String RATINGS = "ratings";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    RatingRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** Ratings by area, department or resident. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(RATINGS), List.of(
                // page(): ratings of an area, a department or by a resident, newest first.
                StoreIndex.on(RATINGS).ascending("orgPath").descending("ratedAt").build(),
                StoreIndex.on(RATINGS).ascending("departmentId").descending("ratedAt").build(),
                StoreIndex.on(RATINGS).ascending("ratedBy").descending("ratedAt").build()));
    }

    Optional<Rating> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, RatingDocument.class)).map(RatingDocument::toRating);
    }

    /** Stores a first rating; a first rating of the same case stored meanwhile is an {@code AlreadyExistsException}. */
    void add(Rating rating, List<CaseRated> events) {
        store.insert(RatingDocument.of(rating), events);
    }

    /** Stores the rating of a later closure only if the stored one is still at {@code readVersion}. */
    void update(Rating rating, long readVersion, List<CaseRated> events) {
        store.update(RatingDocument.of(rating), readVersion, events);
    }

    /** A page of the ratings matching {@code scope}, newest first. */
    Page<Rating> page(Criteria scope, Paging paging) {
        return PagedQueries.page(mongo, new Query(scope).with(Sort.by(Sort.Direction.DESC, "ratedAt", "_id")),
                RatingDocument.class, RatingDocument::toRating, paging);
    }

    /** The answer given for each of {@code caseIds} that was rated. */
    Map<String, Satisfaction> satisfactionOf(Collection<String> caseIds) {
        Map<String, Satisfaction> answers = new HashMap<>();
        mongo.find(query(where("_id").in(caseIds)), RatingDocument.class)
                .forEach(rating -> answers.put(rating.caseId(), rating.satisfaction()));
        return answers;
    }
}
