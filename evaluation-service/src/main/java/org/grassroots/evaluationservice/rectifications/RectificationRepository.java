package org.grassroots.evaluationservice.rectifications;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores rectification rules and the rectification list through the {@link AggregateStore}:
 * an entry's change and its event are one write; a rule changes only at the version read.
 */
@Repository
class RectificationRepository implements IndexedQueries {

    static final String RULES = "rectification_rules";
    static final String LIST = "rectification_list";

    private final MongoTemplate mongo;
    private final AggregateStore store;

    RectificationRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** Rectification rules and the rectification list. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(LIST), OutboxIndexes.ofOutbox(RULES), List.of(
                // activeRules(): the rules the evaluation applies.
                StoreIndex.on(RULES).ascending("active").build(),
                // entries(): the list of a period, or only the communities on it, in order.
                StoreIndex.on(LIST).ascending("period", "communityId").build(),
                StoreIndex.on(LIST).ascending("listed", "period", "communityId").build()));
    }

    Optional<RectificationRule> rule(String id) {
        return Optional.ofNullable(mongo.findById(id, RectificationRuleDocument.class))
                .map(RectificationRuleDocument::toRule);
    }

    List<RectificationRule> rules() {
        return mongo.findAll(RectificationRuleDocument.class).stream().map(RectificationRuleDocument::toRule)
                .sorted(Comparator.comparing(RectificationRule::id)).toList();
    }

    List<RectificationRule> activeRules() {
        return mongo.find(query(where("active").is(true)), RectificationRuleDocument.class).stream()
                .map(RectificationRuleDocument::toRule).toList();
    }

    /** Stores a new rule; a rule of that id stored meanwhile is an {@code AlreadyExistsException}. */
    void add(RectificationRule rule) {
        store.insert(RectificationRuleDocument.of(rule), List.of());
    }

    /** Stores the changed rule only if it is still at {@code readVersion}. */
    void update(RectificationRule rule, long readVersion) {
        store.update(RectificationRuleDocument.of(rule), readVersion, List.of());
    }

    Optional<RectificationEntry> entry(String id) {
        return Optional.ofNullable(mongo.findById(id, RectificationEntryDocument.class))
                .map(RectificationEntryDocument::toEntry);
    }

    /** The entries matching {@code criteria}, by period and community. */
    List<RectificationEntry> entries(Criteria criteria) {
        return mongo.find(new Query(criteria).with(Sort.by("period", "communityId")), RectificationEntryDocument.class)
                .stream().map(RectificationEntryDocument::toEntry).toList();
    }

    void add(RectificationEntry entry, List<? extends IntegrationEvent> events) {
        store.insert(RectificationEntryDocument.of(entry), events);
    }

    void update(RectificationEntry entry, long readVersion, List<? extends IntegrationEvent> events) {
        store.update(RectificationEntryDocument.of(entry), readVersion, events);
    }
}
