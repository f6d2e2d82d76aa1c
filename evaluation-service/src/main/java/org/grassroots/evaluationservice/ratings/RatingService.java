package org.grassroots.evaluationservice.ratings;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.grassroots.evaluationservice.casefacts.CaseFactStore;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.scope.OrgPathScope;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

/**
 * Rating closed cases: the reporter rates once within the window after the close; staff of the
 * case's area may enter the reporter's answer from a follow-up call. case-service, asked with the
 * caller's own token, says whether the caller reported the case and whether it is closed.
 */
@Service
public class RatingService {

    /** Staff who make follow-up calls (回访) for the cases of their area. */
    private static final String[] FOLLOW_UP_ROLES = {Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN};

    private final CaseServiceClient cases;
    private final CaseFactStore facts;
    private final RatingRepository ratings;
    private final Clock clock;
    private final Duration window;
    private final ApplicationEventPublisher publisher;

    RatingService(CaseServiceClient cases, CaseFactStore facts, RatingRepository ratings, Clock clock,
            EvaluationProperties properties, ApplicationEventPublisher publisher) {
        this.cases = cases;
        this.facts = facts;
        this.ratings = ratings;
        this.clock = clock;
        this.window = properties.ratings().window();
        this.publisher = publisher;
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
        Rating.Answer given = new Rating.Answer(UUID.randomUUID().toString(), closedAt, answer.satisfaction(),
                answer.comment(), followUpCall, caller.userId(), now);
        Rating rating = ratings.find(aCase.id()).orElse(null);
        if (rating == null) {
            Rating.First first = Rating.first(new Rating.RatedCase(aCase.id(), aCase.number(),
                    fact != null && fact.orgPath() != null ? fact.orgPath() : aCase.orgPath(),
                    aCase.communityId() != null ? aCase.communityId() : fact == null ? null : fact.communityId(),
                    aCase.categoryCode(),
                    aCase.departmentId() != null ? aCase.departmentId() : fact == null ? null : fact.departmentId(),
                    fact != null && fact.reportedAt() != null ? fact.reportedAt() : aCase.reportedAt()), given);
            rating = first.rating();
            ratings.add(rating, List.of(first.event()));
        } else {
            // One rating per closure: a case closed again after a rework may be rated again, the
            // same closure not (the rating refuses it). The version check refuses a second rating
            // of the same closure that raced this one.
            long read = rating.version();
            CaseRated rated = rating.rerate(given);
            ratings.update(rating, read, List.of(rated));
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
        Rating rating = ratings.find(caseId).orElse(null);
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
        return ratings.page(scope, paging);
    }

    /** The answer given for each of {@code caseIds} that was rated. */
    public Map<String, Satisfaction> satisfactionOf(Collection<String> caseIds) {
        return ratings.satisfactionOf(caseIds);
    }

    private static boolean maySee(Rating rating, Caller caller) {
        return caller.isSubject(rating.ratedBy())
                || rating.orgPath() != null && caller.maySeeOrgPath(rating.orgPath())
                || rating.departmentId() != null && caller.maySeeDepartmentWork(rating.departmentId());
    }
}
