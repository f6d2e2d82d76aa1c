package org.grassroots.caseservice.consultations;

import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.cases.ConsultationEvent;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.outbox.OutboxIndexes;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Loads and stores consultations; storing a change also stores its events for the outbox relay. */
@Repository
class ConsultationRepository implements IndexedQueries {

    private final MongoTemplate mongo;
    private final AggregateStore store;

    ConsultationRepository(MongoTemplate mongo, AggregateStore store) {
        this.mongo = mongo;
        this.store = store;
    }

    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofAggregates(ConsultationDocument.COLLECTION), List.of(
                // ofCase(): a case's consultations in the order they were called.
                StoreIndex.on(ConsultationDocument.COLLECTION).ascending("caseId", "scheduledAt").build(),
                // assignedTo(): the consultations with a part dispatched to a department or person.
                StoreIndex.on(ConsultationDocument.COLLECTION).ascending("partAssigneeIds").build()));
    }

    void add(Consultation consultation, List<? extends ConsultationEvent> events) {
        store.insert(ConsultationDocument.of(consultation), events);
    }

    /** Stores the change only if nobody changed the consultation since it was read at {@code readVersion}. */
    void update(Consultation consultation, long readVersion, List<? extends ConsultationEvent> events) {
        store.update(ConsultationDocument.of(consultation), readVersion, events);
    }

    Optional<Consultation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, ConsultationDocument.class))
                .map(ConsultationDocument::toConsultation);
    }

    List<Consultation> ofCase(String caseId) {
        Query query = Query.query(Criteria.where("caseId").is(caseId)).with(Sort.by("scheduledAt"));
        return mongo.find(query, ConsultationDocument.class).stream().map(ConsultationDocument::toConsultation)
                .toList();
    }

    List<Consultation> assignedTo(String assigneeId) {
        Query query = Query.query(Criteria.where("partAssigneeIds").is(assigneeId)).with(Sort.by("scheduledAt"));
        return mongo.find(query, ConsultationDocument.class).stream().map(ConsultationDocument::toConsultation)
                .toList();
    }
}
