package org.grassroots.evaluationservice.ratings.web;

import java.time.Instant;

import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.ratings.Rating;

/** A rating as the API shows it. */
record RatingResponse(
        String ratingId,
        String caseId,
        String caseNumber,
        String communityId,
        String categoryCode,
        String departmentId,
        Satisfaction satisfaction,
        String comment,
        boolean followUpCall,
        Instant closedAt,
        Instant ratedAt) {

    static RatingResponse of(Rating rating) {
        return new RatingResponse(rating.ratingId(), rating.caseId(), rating.caseNumber(), rating.communityId(),
                rating.categoryCode(), rating.departmentId(), rating.satisfaction(), rating.comment(),
                rating.followUpCall(), rating.closedAt(), rating.ratedAt());
    }
}
