package org.grassroots.evaluationservice.ratings;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.PagedQueries;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.store.IndexedQueries;
import org.grassroots.platform.store.StoreIndex;
import org.grassroots.platform.outbox.OutboxIndexes;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.grassroots.evaluationservice.casefacts.CaseFactStore;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.outbox.AggregateStore;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Rating closed cases: the reporter rates once within the window after the close; staff of the
 * case's area may enter the reporter's answer from a follow-up call. case-service, asked with the
 * caller's own token, says whether the caller reported the case and whether it is closed.
 */
@Service
public class RatingService implements IndexedQueries {

    private static final String RATINGS = "ratings";

    /** Staff who make follow-up calls (回访) for the cases of their area. */
    private static final String[] FOLLOW_UP_ROLES = {Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN};

    private final CaseServiceClient cases;
    private final CaseFactStore facts;
    private final AggregateStore store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;
    private final ApplicationEventPublisher publisher;

    RatingService(CaseServiceClient cases, CaseFactStore facts, AggregateStore store, MongoTemplate mongo, Clock clock,
            EvaluationProperties properties, ApplicationEventPublisher publisher) {
        this.cases = cases;
        this.facts = facts;
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.window = properties.ratings().window();
        this.publisher = publisher;
    }

    /** Ratings by area, department or resident. */
    @Override
    public List<StoreIndex> indexes() {
        return IndexedQueries.all(OutboxIndexes.ofAggregates(RATINGS), List.of(
                // list(): ratings of an area, a department or by a resident, newest first.
                StoreIndex.on(RATINGS).ascending("orgPath").descending("ratedAt").build(),
                StoreIndex.on(RATINGS).ascending("departmentId").descending("ratedAt").build(),
                StoreIndex.on(RATINGS).ascending("ratedBy").descending("ratedAt").build()));
    }

    /** What a rater says; the comment may be null. */
    public record Answer(String caseId, Satisfaction satisfaction, String comment) {
    }

    /** A rating was stored; listeners (rectification) re-evaluate what it affects. */
    public record RatingGiven(Rating rating) {
    }

    public Rating rate(Answer answer, Caller caller, String bearerToken) {
        CaseView aCase = cases.find(answer.caseId(), bearerToken)
                .orElseThrow(() -> new NotFoundException("Case", answer.caseId()));
        boolean followUpCall = !aCase.reportedByCaller();
        // case-service showed the case to this caller, so it is visible to them: refuse with 403, not 404.
        if (followUpCall && !(caller.isPlatformAdmin()
                || caller.hasAnyRole(FOLLOW_UP_ROLES) && caller.maySeeOrgPath(aCase.orgPath()))) {
            throw new ForbiddenException(
                    "Only the reporter, or staff of the case's area after a follow-up call, may rate a case");
        }
        if (aCase.status() != CaseStatus.CLOSED) {
            throw new InvalidStateException("Only a closed case can be rated; case " + aCase.number() + " is "
                    + aCase.status());
        }
        Instant now = clock.instant();
        CaseFact fact = facts.find(aCase.id()).orElse(null);
        Instant closedAt = latest(fact != null ? fact.closedAt() : null, aCase.closedAt());
        if (closedAt == null) {
            throw new InvalidStateException("The close of case " + aCase.number() + " has not reached us yet; try again shortly");
        }
        if (now.isAfter(closedAt.plus(window))) {
            throw new InvalidStateException("Case " + aCase.number() + " can be rated for " + window.toDays()
                    + " days after its close; that time ended at " + closedAt.plus(window));
        }
        Rating earlier = mongo.findById(aCase.id(), Rating.class);
        Rating rating;
        if (earlier == null) {
            rating = new Rating(aCase.id(), UUID.randomUUID().toString(), aCase.number(),
                    fact != null && fact.orgPath() != null ? fact.orgPath() : aCase.orgPath(),
                    aCase.communityId() != null ? aCase.communityId() : fact == null ? null : fact.communityId(),
                    aCase.categoryCode(),
                    aCase.departmentId() != null ? aCase.departmentId() : fact == null ? null : fact.departmentId(),
                    fact != null && fact.reportedAt() != null ? fact.reportedAt() : aCase.reportedAt(),
                    closedAt, answer.satisfaction(), answer.comment(), followUpCall, caller.userId(), now, 1, List.of());
            store.insert(rating, List.of(rating.rated()));
        } else {
            // One rating per closure: a case closed again after a rework may be rated again, the
            // same closure not. The version check refuses a second rating of the same closure
            // that raced this one past the test below.
            // The store keeps instants to the millisecond; compare closes at that precision.
            if (earlier.closedAt() != null && !closedAt.truncatedTo(ChronoUnit.MILLIS)
                    .isAfter(earlier.closedAt().truncatedTo(ChronoUnit.MILLIS))) {
                // "A rating of case … for its close at … already exists"; again once closed after a rework.
                throw new AlreadyExistsException("A rating of case " + aCase.number() + " for its close at",
                        closedAt.toString());
            }
            rating = earlier.rerated(UUID.randomUUID().toString(), closedAt, answer.satisfaction(), answer.comment(),
                    followUpCall, caller.userId(), now);
            store.update(rating, earlier.version(), List.of(rating.rated()));
        }
        publisher.publishEvent(new RatingGiven(rating));
        return rating;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** The rating of a case: for whoever gave it, staff of the case's area, and the department that handled it. */
    public Rating get(String caseId, Caller caller) {
        Rating rating = mongo.findById(caseId, Rating.class);
        if (rating == null || !maySee(rating, caller)) {
            throw new NotFoundException("Rating of case", caseId);
        }
        return rating;
    }

    /** The ratings the caller may see, newest first. */
    public Page<Rating> list(Caller caller, Paging paging) {
        Criteria scope;
        if (caller.isPlatformAdmin()) {
            scope = new Criteria();
        } else if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            scope = where("departmentId").is(caller.departmentId());
        } else if (caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN)
                && caller.orgPath() != null) {
            scope = OrgPathScope.atOrUnder("orgPath", caller.orgPath());
        } else {
            scope = where("ratedBy").is(caller.userId());
        }
        return PagedQueries.page(mongo, new Query(scope).with(Sort.by(Sort.Direction.DESC, "ratedAt", "_id")), Rating.class,
                rating -> rating, paging);
    }

    /** The answer given for each of {@code caseIds} that was rated. */
    public Map<String, Satisfaction> satisfactionOf(Collection<String> caseIds) {
        Map<String, Satisfaction> answers = new HashMap<>();
        mongo.find(query(where("_id").in(caseIds)), Rating.class).forEach(rating -> answers.put(rating.caseId(), rating.satisfaction()));
        return answers;
    }

    private static boolean maySee(Rating rating, Caller caller) {
        return caller.isSubject(rating.ratedBy())
                || rating.orgPath() != null && caller.maySeeOrgPath(rating.orgPath())
                || rating.departmentId() != null && caller.maySeeDepartmentWork(rating.departmentId());
    }
}
