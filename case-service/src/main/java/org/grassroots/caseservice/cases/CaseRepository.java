package org.grassroots.caseservice.cases;

import java.util.List;
import java.util.Optional;

import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.platform.outbox.AggregateStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** Loads and stores cases; storing a change also stores its events for the outbox relay. */
@Repository
class CaseRepository {

    private final MongoTemplate mongo;
    private final AggregateStore store;
    private final WorkingCalendar calendar;

    CaseRepository(MongoTemplate mongo, AggregateStore store, WorkingCalendar calendar) {
        this.mongo = mongo;
        this.store = store;
        this.calendar = calendar;
    }

    void add(Case aCase, List<? extends CaseEvent> events) {
        store.insert(CaseDocument.of(aCase), events);
    }

    /** Stores the change only if nobody changed the case since it was read at {@code readVersion}. */
    void update(Case aCase, long readVersion, List<? extends CaseEvent> events) {
        store.update(CaseDocument.of(aCase), readVersion, events);
    }

    Optional<Case> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CaseDocument.class)).map(document -> document.toCase(calendar));
    }
}
