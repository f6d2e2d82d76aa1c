package org.grassroots.evaluationservice.ratings;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.platform.domain.AlreadyExistsException;

/**
 * A case's rating (评价): one per closure. Stored under the case id ({@link RatingDocument}), so two
 * first ratings of the same case cannot both land; after a rework (发回重办) the case closes again and
 * may be rated again, which replaces the current answer and keeps the one before in {@code earlier},
 * the version rising by one (a compare-and-set: two ratings of the same closure cannot both land
 * either). The current answer is the one statistics count. The comment stays here: it is free text
 * and may hold personal data, so it never goes into an event or a log line. The commands return the
 * {@link CaseRated} event they produced.
 */
public final class Rating {

    private final String caseId;
    private final String caseNumber;
    private final String orgPath;
    private final String communityId;
    private final String categoryCode;
    private final String departmentId;
    private final Instant reportedAt;
    private final List<EarlierRating> earlier;
    private String ratingId;
    private Instant closedAt;
    private Satisfaction satisfaction;
    private String comment;
    private boolean followUpCall;
    private String ratedBy;
    private Instant ratedAt;
    private long version;

    /** A rating of an earlier closure, replaced by the rating of the case's next closure. */
    public record EarlierRating(String ratingId, Instant closedAt, Satisfaction satisfaction, String comment,
            boolean followUpCall, String ratedBy, Instant ratedAt) {
    }

    /** The case a rating is about, as case-service and the case facts describe it. */
    public record RatedCase(String caseId, String caseNumber, String orgPath, String communityId, String categoryCode,
            String departmentId, Instant reportedAt) {
    }

    /** An answer and who gave it, for the close at {@code closedAt}. */
    public record Answer(String ratingId, Instant closedAt, Satisfaction satisfaction, String comment,
            boolean followUpCall, String ratedBy, Instant ratedAt) {
    }

    /**
     * @param ratingId     the rating's own id, as published in {@link CaseRated}
     * @param ratedBy      user id of whoever entered it: the reporter, or the staff member who made the follow-up call
     * @param followUpCall true when staff entered it from a follow-up call (回访) on the reporter's behalf
     * @param closedAt     the close this rating is about
     * @param version      how many closures of the case have been rated: 1 for the first rating, 2 after one rework …
     * @param earlier      the ratings of earlier closures, oldest first; empty (or null in documents
     *                     stored before re-rating existed) for a case rated once
     */
    Rating(RatedCase ratedCase, Answer answer, long version, List<EarlierRating> earlier) {
        this.caseId = ratedCase.caseId();
        this.caseNumber = ratedCase.caseNumber();
        this.orgPath = ratedCase.orgPath();
        this.communityId = ratedCase.communityId();
        this.categoryCode = ratedCase.categoryCode();
        this.departmentId = ratedCase.departmentId();
        this.reportedAt = ratedCase.reportedAt();
        this.earlier = new ArrayList<>(earlier == null ? List.of() : earlier);
        take(answer);
        this.version = version;
    }

    /** A first rating and the event that tells it. */
    record First(Rating rating, CaseRated event) {
    }

    /** The first rating of a case. */
    static First first(RatedCase ratedCase, Answer answer) {
        Rating rating = new Rating(ratedCase, answer, 1, List.of());
        return new First(rating, rating.rated());
    }

    /**
     * The rating of this case's next closure: this one moves to {@code earlier}. One rating per
     * closure: refused unless the answer is about a close after the one rated now. The store keeps
     * instants to the millisecond, so closes are compared at that precision.
     */
    CaseRated rerate(Answer answer) {
        if (closedAt != null && !answer.closedAt().truncatedTo(ChronoUnit.MILLIS)
                .isAfter(closedAt.truncatedTo(ChronoUnit.MILLIS))) {
            // "A rating of case … for its close at … already exists"; again once closed after a rework.
            throw new AlreadyExistsException("A rating of case " + caseNumber + " for its close at",
                    answer.closedAt().toString());
        }
        earlier.add(new EarlierRating(ratingId, closedAt, satisfaction, comment, followUpCall, ratedBy, ratedAt));
        take(answer);
        version++;
        return rated();
    }

    private void take(Answer answer) {
        this.ratingId = answer.ratingId();
        this.closedAt = answer.closedAt();
        this.satisfaction = answer.satisfaction();
        this.comment = answer.comment();
        this.followUpCall = answer.followUpCall();
        this.ratedBy = answer.ratedBy();
        this.ratedAt = answer.ratedAt();
    }

    /** What the rest of the platform learns: everything but the comment and who entered it. */
    private CaseRated rated() {
        return new CaseRated(caseId, version, orgPath, ratedAt, ratingId, caseNumber, categoryCode, communityId,
                departmentId, satisfaction, followUpCall);
    }

    public String caseId() {
        return caseId;
    }

    public String ratingId() {
        return ratingId;
    }

    public String caseNumber() {
        return caseNumber;
    }

    public String orgPath() {
        return orgPath;
    }

    public String communityId() {
        return communityId;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public String departmentId() {
        return departmentId;
    }

    public Instant reportedAt() {
        return reportedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Satisfaction satisfaction() {
        return satisfaction;
    }

    public String comment() {
        return comment;
    }

    public boolean followUpCall() {
        return followUpCall;
    }

    public String ratedBy() {
        return ratedBy;
    }

    public Instant ratedAt() {
        return ratedAt;
    }

    public long version() {
        return version;
    }

    public List<EarlierRating> earlier() {
        return List.copyOf(earlier);
    }
}
