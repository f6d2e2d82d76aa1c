package org.grassroots.caseservice.cases;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.grassroots.contracts.cases.CaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives cases stored before the list could sort by {@code updatedAt} and search words their
 * {@code updatedAt} and {@code searchTerms}, and parked cases stored before the review list was
 * ordered in the store their {@code parkedAt}, once, at start-up. Every later write of a case sets
 * them ({@link CaseDocument#of}). Only documents still without them are touched and only those
 * fields are set, so several instances starting at once, or a case changed meanwhile, come to no harm.
 */
@Component
class CaseListFieldsBackfill {

    private static final Logger log = LoggerFactory.getLogger(CaseListFieldsBackfill.class);
    private static final String CASES = "cases";

    private final MongoTemplate mongo;

    CaseListFieldsBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    record Stored(String id, String description, String locationDescription, Instant reportedAt,
            List<CaseHistoryEntry> history) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void fillOnce() {
        Query missing = Query.query(Criteria.where("searchTerms").exists(false));
        missing.fields().include("_id", "description", "locationDescription", "reportedAt", "history");
        long filled = 0;
        try (Stream<Stored> stored = mongo.stream(missing, Stored.class, CASES)) {
            for (Stored each : (Iterable<Stored>) stored::iterator) {
                Instant updatedAt = each.history() == null || each.history().isEmpty() ? each.reportedAt()
                        : each.history().get(each.history().size() - 1).at();
                mongo.updateFirst(Query.query(Criteria.where("_id").is(each.id()).and("searchTerms").exists(false)),
                        new Update().set("searchTerms", SearchTerms.of(each.description(), each.locationDescription()))
                                .set("updatedAt", updatedAt),
                        CASES);
                filled++;
            }
        }
        if (filled > 0) {
            log.info("Gave {} cases stored before the list's sort and text search their updatedAt and search terms",
                    filled);
        }
        fillParkedAt();
    }

    record StoredHistory(String id, List<CaseHistoryEntry> history) {
    }

    /**
     * Parked cases stored before the 挂账 review list was ordered in the store get {@code parkedAt}.
     * Only a case still parked and still without it is written, so a case taken up or parked again
     * meanwhile (every write sets the field) keeps what its own write stored.
     */
    private void fillParkedAt() {
        Query missing = Query.query(Criteria.where("status").is(CaseStatus.PARKED.name()).and("parkedAt").exists(false));
        missing.fields().include("_id", "history");
        long filled = 0;
        try (Stream<StoredHistory> stored = mongo.stream(missing, StoredHistory.class, CASES)) {
            for (StoredHistory each : (Iterable<StoredHistory>) stored::iterator) {
                Instant parkedAt = each.history() == null ? null : Case.lastParkedAt(each.history());
                if (parkedAt != null) {
                    mongo.updateFirst(Query.query(Criteria.where("_id").is(each.id())
                            .and("status").is(CaseStatus.PARKED.name()).and("parkedAt").exists(false)),
                            new Update().set("parkedAt", parkedAt), CASES);
                    filled++;
                }
            }
        }
        if (filled > 0) {
            log.info("Gave {} parked cases stored before the review list's order their parkedAt", filled);
        }
    }
}
