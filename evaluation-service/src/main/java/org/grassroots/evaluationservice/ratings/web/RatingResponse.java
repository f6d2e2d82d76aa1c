package org.grassroots.evaluationservice.ratings.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.ratings.Rating;

/**
 * A rating as the API shows it: the rating of the case's latest closure, {@code round} counting the
 * closures rated (2 after one rework), and the ratings of earlier closures in {@code earlier}.
 */
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
        Instant ratedAt,
        long round,
        List<EarlierView> earlier) {

    static RatingResponse of(Rating rating) {
        return new RatingResponse(rating.ratingId(), rating.caseId(), rating.caseNumber(), rating.communityId(),
                rating.categoryCode(), rating.departmentId(), rating.satisfaction(), rating.comment(),
                rating.followUpCall(), rating.closedAt(), rating.ratedAt(), rating.version(),
                rating.earlier() == null ? List.of() : rating.earlier().stream().map(EarlierView::of).toList());
    }

    /** The rating of an earlier closure (who entered it is not shown, as for the current one). */
    record EarlierView(String ratingId, Instant closedAt, Satisfaction satisfaction, String comment,
            boolean followUpCall, Instant ratedAt) {

        static EarlierView of(Rating.EarlierRating earlier) {
            return new EarlierView(earlier.ratingId(), earlier.closedAt(), earlier.satisfaction(), earlier.comment(),
                    earlier.followUpCall(), earlier.ratedAt());
        }
    }
}
