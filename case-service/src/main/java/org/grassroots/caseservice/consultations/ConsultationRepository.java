package org.grassroots.caseservice.consultations;

import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.ConsultationEvent;
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
        return IndexedQueries.all(OutboxIndexes.ofOutbox(ConsultationDocument.COLLECTION), List.of(
                // ofCase(): a case's consultations in the order they were called.
                StoreIndex.on(ConsultationDocument.COLLECTION).ascending("caseId", "scheduledAt").build(),
                // assignedTo(): the consultations with a part dispatched to a department or person, in
                // the order they were called (a page of them; the kind of assignee is checked on these).
                StoreIndex.on(ConsultationDocument.COLLECTION).ascending("partAssigneeIds", "scheduledAt", "_id")
                        .build()));
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

    /**
     * One page of the consultations with a part dispatched to any of {@code assignees} (a kind and
     * an id each: a department's id is no person's), in the order they were called, the id breaking
     * ties.
     */
    Page<Consultation> assignedTo(List<Assignee> assignees, Paging paging) {
        List<String> ids = assignees.stream().map(Assignee::id).distinct().toList();
        // Inside $elemMatch the keys are not mapped from the document's types: an assignee's id is stored as _id.
        Criteria[] parts = assignees.stream().map(assignee -> Criteria.where("parts").elemMatch(
                Criteria.where("assignee.kind").is(assignee.kind().name()).and("assignee._id").is(assignee.id())))
                .toArray(Criteria[]::new);
        Query query = new Query(new Criteria().andOperator(Criteria.where("partAssigneeIds").in(ids),
                new Criteria().orOperator(parts)))
                .with(Sort.by(Sort.Direction.ASC, "scheduledAt").and(Sort.by(Sort.Direction.ASC, "_id")));
        return PagedQueries.page(mongo, query, ConsultationDocument.class, ConsultationDocument::toConsultation,
                paging);
    }
}
