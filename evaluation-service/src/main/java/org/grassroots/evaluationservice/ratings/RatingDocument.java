package org.grassroots.evaluationservice.ratings;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.evaluation.Satisfaction;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a {@link Rating} is stored ({@code ratings}, under the case id), with its outbox beside it. */
@Document("ratings")
record RatingDocument(
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
        List<Rating.EarlierRating> earlier) {

    static RatingDocument of(Rating rating) {
        return new RatingDocument(rating.caseId(), rating.ratingId(), rating.caseNumber(), rating.orgPath(),
                rating.communityId(), rating.categoryCode(), rating.departmentId(), rating.reportedAt(),
                rating.closedAt(), rating.satisfaction(), rating.comment(), rating.followUpCall(), rating.ratedBy(),
                rating.ratedAt(), rating.version(), rating.earlier());
    }

    Rating toRating() {
        return new Rating(new Rating.RatedCase(caseId, caseNumber, orgPath, communityId, categoryCode, departmentId,
                reportedAt), new Rating.Answer(ratingId, closedAt, satisfaction, comment, followUpCall, ratedBy,
                ratedAt), version, earlier);
    }
}
