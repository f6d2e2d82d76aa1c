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
    private final OpenCasesNearby nearby;

    CaseRepository(MongoTemplate mongo, AggregateStore store, WorkingCalendar calendar, OpenCasesNearby nearby) {
        this.mongo = mongo;
        this.store = store;
        this.calendar = calendar;
        this.nearby = nearby;
    }

    void add(Case aCase, List<? extends CaseEvent> events) {
        store.insert(CaseDocument.of(aCase), events);
        nearby.enter(aCase);
    }

    /**
     * Stores the change only if nobody changed the case since it was read at {@code readVersion};
     * a case that has just left the open states, or come back to them, leaves or re-enters the
     * duplicate search's list ({@link OpenCasesNearby}).
     */
    void update(Case aCase, long readVersion, List<? extends CaseEvent> events) {
        store.update(CaseDocument.of(aCase), readVersion, events);
        boolean wasOpen = aCase.history().stream().filter(entry -> entry.version() == readVersion + 1).findFirst()
                .map(first -> first.from() == null || Case.isOpen(first.from()))
                .orElse(aCase.isOpen());
        if (wasOpen && !aCase.isOpen()) {
            nearby.leave(aCase);
        } else if (!wasOpen && aCase.isOpen()) {
            nearby.enter(aCase);
        }
    }

    Optional<Case> find(String id) {
        return Optional.ofNullable(mongo.findById(id, CaseDocument.class)).map(document -> document.toCase(calendar));
    }
}
