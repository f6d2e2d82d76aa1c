package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The parked cases (挂账) of a caller's area, listed for periodic review a page at a time (a
 * district's list grows): longest parked first, each with when and why it was parked and the next
 * review day (every {@link ParkedReviewProperties#every()} from the day it was parked). A case reviewed and still waiting stays parked; one that can be
 * handled now is taken up again ({@link Case#takeUp}).
 */
@Service
@EnableConfigurationProperties(ParkedReviewProperties.class)
public class ParkedCases implements IndexedQueries {

    private final MongoTemplate mongo;
    private final WorkingCalendar calendar;
    private final ParkedReviewProperties review;
    private final Clock clock;

    ParkedCases(MongoTemplate mongo, WorkingCalendar calendar, ParkedReviewProperties review, Clock clock) {
        this.mongo = mongo;
        this.calendar = calendar;
        this.review = review;
        this.clock = clock;
    }

    /** A parked case as the review list shows it. */
    public record ParkedCase(Case aCase, Instant parkedAt, String reason, long daysParked, LocalDate nextReviewOn,
            boolean reviewDue) {
    }

    @Override
    public List<StoreIndex> indexes() {
        // forReview(): the parked cases in the order they were parked, the id breaking ties; the
        // caller's area (an org-path prefix) is checked on the parked cases the index yields.
        return List.of(StoreIndex.on(CaseIndexes.CASES).ascending("status", "parkedAt", "_id").build());
    }

    /**
     * One page of the parked cases in the caller's area (all of them for a platform administrator),
     * longest parked first, the case id breaking ties, so that paging neither repeats nor skips a
     * case. A case is due for review when its next review day is today or within the coming week.
     */
    public Page<ParkedCase> forReview(Caller caller, Paging paging) {
        Query parked = new Query(new Criteria().andOperator(Criteria.where("status").is(CaseStatus.PARKED),
                Criteria.where("parkedAt").ne(null), OrgPathScope.inAreaOf("orgPath", caller)))
                .with(Sort.by(Sort.Direction.ASC, "parkedAt").and(Sort.by(Sort.Direction.ASC, "_id")));
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        return PagedQueries.page(mongo, parked, CaseDocument.class,
                document -> listed(document.toCase(calendar), today), paging);
    }

    ParkedCase listed(Case aCase, LocalDate today) {
        LocalDate parkedOn = LocalDate.ofInstant(aCase.parkedAt(), calendar.zone());
        LocalDate next = parkedOn.plus(review.every());
        while (next.isBefore(today)) {
            next = next.plus(review.every());
        }
        return new ParkedCase(aCase, aCase.parkedAt(), aCase.parkedReason(), ChronoUnit.DAYS.between(parkedOn, today),
                next, !next.isAfter(today.plusWeeks(1)));
    }
}
