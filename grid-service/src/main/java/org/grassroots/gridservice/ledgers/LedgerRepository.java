package org.grassroots.gridservice.ledgers;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.gridservice.ledgers.LedgerEntry.LedgerKind;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores ledger lines through the platform's aggregate store. */
@Repository
class LedgerRepository implements IndexedQueries {

    private static final String COLLECTION = LedgerEntryDocument.COLLECTION;

    private final MongoTemplate mongo;
    private final AggregateStore store;

    LedgerRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** A grid's ledger entries. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofOutbox(COLLECTION), List.of(
                // ofGrid(): a grid's ledger entries of one kind, by name.
                StoreIndex.on(COLLECTION).ascending("gridCode", "kind", "name").build()));
    }

    void add(LedgerEntry entry, List<IntegrationEvent> events) {
        store.insert(LedgerEntryDocument.of(entry), events);
    }

    /** A page of a grid's ledger entries, of one kind if given, by name (then id, so that paging neither repeats nor skips). */
    Page<LedgerEntry> ofGrid(String gridCode, LedgerKind kind, Paging paging) {
        var criteria = where("gridCode").is(gridCode);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        return PagedQueries.page(mongo, query(criteria).with(Sort.by("name", "_id")), LedgerEntryDocument.class,
                LedgerEntryDocument::toEntry, paging);
    }
}
