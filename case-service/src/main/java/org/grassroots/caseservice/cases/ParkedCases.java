package org.grassroots.caseservice.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The parked cases (挂账) of a caller's area, listed for periodic review: longest parked first, each
 * with when and why it was parked and the next review day (every {@link ParkedReviewProperties#every()}
 * from the day it was parked). A case reviewed and still waiting stays parked; one that can be
 * handled now is taken up again ({@link Case#takeUp}).
 */
@Service
@EnableConfigurationProperties(ParkedReviewProperties.class)
public class ParkedCases {

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

    /**
     * The parked cases the caller may see as staff of their area, longest parked first. A case is due
     * for review when its next review day is today or within the coming week.
     */
    public List<ParkedCase> forReview(Caller caller) {
        // The status index serves this; parked cases are few, and the area is checked per case.
        Query parked = Query.query(Criteria.where("status").is(CaseStatus.PARKED));
        LocalDate today = LocalDate.ofInstant(clock.instant(), calendar.zone());
        return mongo.find(parked, CaseDocument.class).stream()
                .filter(document -> caller.maySeeOrgPath(document.orgPath()))
                .map(document -> document.toCase(calendar))
                .filter(aCase -> aCase.parkedAt() != null)
                .map(aCase -> listed(aCase, today))
                .sorted(Comparator.comparing(ParkedCase::parkedAt))
                .toList();
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
