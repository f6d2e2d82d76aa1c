package org.grassroots.evaluationservice.casefacts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Optional;
import java.util.function.UnaryOperator;

import org.grassroots.platform.store.CompareAndSetIndexes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The per-case facts. A change is a read, a merge and a write that only lands if nobody wrote
 * the case's facts in between; on a clash the merge runs again on what is stored now.
 */
@Repository
public class CaseFactStore {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final CompareAndSetIndexes indexes;

    CaseFactStore(MongoTemplate mongo, CompareAndSetIndexes indexes) {
        this.mongo = mongo;
        this.indexes = indexes;
    }

    public Optional<CaseFact> find(String caseId) {
        return Optional.ofNullable(mongo.findById(caseId, CaseFact.class));
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

    private boolean replaced(CaseFact current, CaseFact changed) {
        indexes.ensure(mongo.getCollectionName(CaseFact.class), "revision");
        return mongo.findAndReplace(query(where("_id").is(current.caseId()).and("revision").is(current.revision())),
                changed.nextRevision()) != null;
    }
}
