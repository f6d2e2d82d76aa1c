package org.grassroots.caseservice.cases;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.grassroots.caseservice.intake.Distance;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.GeoPoint;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Finds an open case of the same category within {@value #RADIUS_METRES} m of a new report, so the
 * report is linked to it as a possible duplicate (FixMyStreet's "already reported nearby"). The
 * candidates are the open cases of that category in the same community; the distance is worked out
 * here, since the embedded store has no geo queries.
 */
@Component
class DuplicateFinder {

    static final double RADIUS_METRES = 50;
    /** Enough for any real community; more open cases of one category there would be a problem of its own. */
    private static final int MAX_CANDIDATES = 500;
    private static final List<CaseStatus> OPEN = List.of(CaseStatus.REPORTED, CaseStatus.ACCEPTED,
            CaseStatus.DISPATCHED, CaseStatus.CLAIMED, CaseStatus.RESOLVED, CaseStatus.RETURNED, CaseStatus.REOPENED);

    private final MongoTemplate mongo;

    DuplicateFinder(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The nearest open case of {@code categoryCode} within the radius, in the community (or org path) given. */
    Optional<String> nearestOpen(String categoryCode, String communityId, String orgPath, GeoPoint point) {
        if (point == null) {
            return Optional.empty();
        }
        Criteria area = communityId != null ? Criteria.where("communityId").is(communityId)
                : Criteria.where("orgPath").is(orgPath);
        Query query = new Query(new Criteria().andOperator(Criteria.where("categoryCode").is(categoryCode),
                Criteria.where("status").in(OPEN), area, Criteria.where("lon").ne(null)));
        query.fields().include("_id", "lon", "lat");
        query.limit(MAX_CANDIDATES);
        return mongo.find(query, Candidate.class, "cases").stream()
                .filter(candidate -> candidate.lon() != null && candidate.lat() != null)
                .map(candidate -> new Near(candidate.id(),
                        Distance.metres(point, new GeoPoint(candidate.lon(), candidate.lat()))))
                .filter(near -> near.metres() <= RADIUS_METRES)
                .min(Comparator.comparingDouble(Near::metres))
                .map(Near::caseId);
    }

    record Candidate(String id, Double lon, Double lat) {
    }

    private record Near(String caseId, double metres) {
    }
}
