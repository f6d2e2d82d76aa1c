package org.grassroots.evaluationservice.ratings;

import java.time.Instant;

import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A case's one rating (评价). Stored under the case id, so the store itself refuses a second
 * rating of the same case. The comment stays here: it is free text and may hold personal data,
 * so it never goes into an event or a log line.
 *
 * @param caseId       the rated case, the document's id
 * @param ratingId     the rating's own id, as published in {@link CaseRated}
 * @param ratedBy      user id of whoever entered it: the reporter, or the staff member who made the follow-up call
 * @param followUpCall true when staff entered it from a follow-up call (回访) on the reporter's behalf
 * @param version      1: a rating is given once and not changed
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
        long version) {

    /** What the rest of the platform learns: everything but the comment and who entered it. */
    CaseRated rated() {
        return new CaseRated(caseId, version, orgPath, ratedAt, ratingId, caseNumber, categoryCode, communityId,
                departmentId, satisfaction, followUpCall);
    }
}
