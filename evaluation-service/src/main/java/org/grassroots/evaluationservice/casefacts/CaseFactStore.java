package org.grassroots.evaluationservice.casefacts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseReported;
import org.grassroots.evaluationservice.stats.CaseScope;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Repository;

/**
 * The per-case facts. A change is a read, a merge and a write that only lands if nobody wrote
 * the case's facts in between; on a clash the merge runs again on what is stored now.
 */
@Repository
public class CaseFactStore implements IndexedQueries {

    private static final int ATTEMPTS = 5;

    static final String FACTS = "case_facts";

    private final MongoTemplate mongo;

    CaseFactStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Case facts by area, department or community over a period. */
    @Override
    public List<StoreIndex> indexes() {
        return List.of(
                // StatsService, FiledCases, RectificationService: facts of an area (org path prefix) over a period.
                StoreIndex.on(FACTS).ascending("orgPath", "reportedAt").build(),
                // the same for department staff: the cases dispatched to their department.
                StoreIndex.on(FACTS).ascending("departmentId", "reportedAt").build(),
                // PropertyCompanyService.evaluate(), RectificationService: a community's facts over a period.
                StoreIndex.on(FACTS).ascending("communityId", "reportedAt").build());
    }

    /**
     * The store's query for a scope, over documents with {@code orgPath} and {@code departmentId} (case
     * facts, the rectification list): the area through platform-support's {@link OrgPathScope}.
     */
    public static Criteria criteria(CaseScope scope) {
        if (scope.orgPath() != null) {
            return OrgPathScope.atOrUnder("orgPath", scope.orgPath());
        }
        if (scope.departmentId() != null) {
            return where("departmentId").is(scope.departmentId());
        }
        return new Criteria();
    }

    public Optional<CaseFact> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFact.class));
    }

    /**
     * Merges the event that opens a case's facts (its report): almost always nothing is stored for the
     * case yet, so the insert is tried before any read, one round trip instead of two per new case. If
     * facts are there already (a redelivery, or a later event that came first) it merges as any other.
     */
    void open(String caseId, UnaryOperator<CaseFact> change) {
        if (!inserted(change.apply(CaseFact.unknown(caseId)))) {
            merge(caseId, change);
        }
    }

    /**
     * Merges a poll's events, each case's events in one change: the facts of the cases they report
     * are inserted in one write, and each other case's facts are merged. If that insert meets facts
     * that are there already, the poll's reported cases are opened one by one, as {@link #open} does.
     */
    void applyAll(List<CaseEvent> events) {
        Map<String, List<CaseEvent>> byCase = new LinkedHashMap<>();
        for (CaseEvent event : events) {
            byCase.computeIfAbsent(event.caseId(), caseId -> new ArrayList<>()).add(event);
        }
        List<CaseFact> reported = new ArrayList<>();
        byCase.forEach((caseId, itsEvents) -> {
            if (itsEvents.stream().anyMatch(CaseReported.class::isInstance)) {
                reported.add(applied(CaseFact.unknown(caseId), itsEvents));
            } else {
                merge(caseId, fact -> applied(fact, itsEvents));
            }
        });
        if (!insertedAll(reported)) {
            reported.forEach(fact -> open(fact.caseId(), known -> applied(known, byCase.get(fact.caseId()))));
        }
    }

    private static CaseFact applied(CaseFact fact, List<CaseEvent> events) {
        CaseFact applied = fact;
        for (CaseEvent event : events) {
            applied = applied.apply(event);
        }
        return applied;
    }

    void merge(String caseId, UnaryOperator<CaseFact> change) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            CaseFact current = find(caseId).orElse(null);
            CaseFact changed = change.apply(current != null ? current : CaseFact.unknown(caseId));
            if (current != null && changed.equals(current)) {
                return;
            }
            if (current == null ? inserted(changed) : replaced(current, changed)) {
                return;
            }
        }
        throw new IllegalStateException("The facts of case " + caseId + " kept changing; the event will be retried");
    }

    private boolean inserted(CaseFact fact) {
        try {
            mongo.insert(fact.nextRevision());
            return true;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Whether all were inserted; if not, some may have been (an insert stops at its first clash). */
    private boolean insertedAll(List<CaseFact> facts) {
        if (facts.isEmpty()) {
            return true;
        }
        try {
            mongo.insert(facts.stream().map(CaseFact::nextRevision).toList(), CaseFact.class);
            return true;
        } catch (DuplicateKeyException | BulkOperationException raced) {
            return false;
        }
    }

    private boolean replaced(CaseFact current, CaseFact changed) {
        return mongo.findAndReplace(query(where("_id").is(current.caseId()).and("revision").is(current.revision())),
                changed.nextRevision()) != null;
    }
}
