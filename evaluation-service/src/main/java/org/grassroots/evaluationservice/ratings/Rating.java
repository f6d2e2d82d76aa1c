package org.grassroots.evaluationservice.ratings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case's rating (评价): one per closure. Stored under the case id, so two first ratings of the same
 * case cannot both land; after a rework (发回重办) the case closes again and may be rated again, which
 * replaces the current answer and keeps the one before in {@code earlier}, the version rising by one
 * (a compare-and-set: two ratings of the same closure cannot both land either). The current answer
 * is the one statistics count. The comment stays here: it is free text and may hold personal data,
 * so it never goes into an event or a log line.
 *
 * @param caseId       the rated case, the document's id
 * @param ratingId     the rating's own id, as published in {@link CaseRated}
 * @param ratedBy      user id of whoever entered it: the reporter, or the staff member who made the follow-up call
 * @param followUpCall true when staff entered it from a follow-up call (回访) on the reporter's behalf
 * @param closedAt     the close this rating is about
 * @param version      how many closures of the case have been rated: 1 for the first rating, 2 after one rework …
 * @param earlier      the ratings of earlier closures, oldest first; empty (or null in documents
 *                     stored before re-rating existed) for a case rated once
 */
@Document("ratings")
public record Rating(
        @Id String caseId,
        String ratingId,
        String caseNumber,
        String orgPath,
        String communityId,
        String categoryCode,
        String departmentId,
        Instant reportedAt,
        Instant closedAt,
        Satisfaction satisfaction,
        String comment,
        boolean followUpCall,
        String ratedBy,
        Instant ratedAt,
        long version,
        List<EarlierRating> earlier) {

    /** A rating of an earlier closure, replaced by the rating of the case's next closure. */
    public record EarlierRating(String ratingId, Instant closedAt, Satisfaction satisfaction, String comment,
            boolean followUpCall, String ratedBy, Instant ratedAt) {
    }

    /** The rating of this case's next closure: this one moves to {@code earlier}. */
    Rating rerated(String newRatingId, Instant newClosedAt, Satisfaction newSatisfaction, String newComment,
            boolean newFollowUpCall, String newRatedBy, Instant now) {
        List<EarlierRating> before = new ArrayList<>(earlier == null ? List.of() : earlier);
        before.add(new EarlierRating(ratingId, closedAt, satisfaction, comment, followUpCall, ratedBy, ratedAt));
        return new Rating(caseId, newRatingId, caseNumber, orgPath, communityId, categoryCode, departmentId,
                reportedAt, newClosedAt, newSatisfaction, newComment, newFollowUpCall, newRatedBy, now, version + 1,
                before);
    }

    /** What the rest of the platform learns: everything but the comment and who entered it. */
    CaseRated rated() {
        return new CaseRated(caseId, version, orgPath, ratedAt, ratingId, caseNumber, categoryCode, communityId,
                departmentId, satisfaction, followUpCall);
    }
}
