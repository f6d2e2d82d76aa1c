package org.grassroots.evaluationservice.socialorgs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.grassroots.evaluationservice.Stars;
import org.grassroots.platform.domain.InvalidFieldException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A social organisation (社会组织) and its yearly assessments. Stars are rated from the assessment
 * scores (评星定级), reviewed by the district, and adjusted when things change (动态调整): every
 * review or adjustment keeps the stars before, the stars after and the reason.
 *
 * @param orgPath where it is registered (a street or community), which scopes who may assess it
 */
@Document("social_organizations")
public record SocialOrganization(
        @Id String id,
        String name,
        String orgPath,
        List<Assessment> assessments,
        long version) {

    public SocialOrganization {
        assessments = assessments == null ? List.of() : List.copyOf(assessments);
    }

    public enum Status { PROPOSED, REVIEWED }

    /**
     * One year's assessment. {@code computedStars} follow from the scores; {@code stars} is what
     * counts: the computed stars until a review sets them.
     */
    public record Assessment(int year, int organisationScore, int integrityScore, int fundsScore, double score,
            int computedStars, int stars, Status status, List<Adjustment> adjustments) {
        public Assessment {
            adjustments = adjustments == null ? List.of() : List.copyOf(adjustments);
        }
    }

    /** A review or later adjustment: who, when, from and to how many stars, why. */
    public record Adjustment(String by, Instant at, int from, int to, String reason) {
    }

    /**
     * Stars from the scores (each 0–100), weighted 40% degree of organisation, 30% integrity, 30%
     * use of support funds; an integrity score below 60 caps the rating at two stars, since an
     * organisation that is not trustworthy cannot be rated highly whatever else it does.
     */
    static Assessment assess(int year, int organisation, int integrity, int funds) {
        double score = Math.round((0.4 * organisation + 0.3 * integrity + 0.3 * funds) * 10) / 10.0;
        int stars = Stars.of(score);
        if (integrity < 60) {
            stars = Math.min(stars, 2);
        }
        return new Assessment(year, organisation, integrity, funds, score, stars, stars, Status.PROPOSED, List.of());
    }

    SocialOrganization withAssessment(Assessment assessment) {
        List<Assessment> next = new ArrayList<>(assessments.stream().filter(a -> a.year() != assessment.year()).toList());
        next.add(assessment);
        next.sort(Comparator.comparingInt(Assessment::year));
        return new SocialOrganization(id, name, orgPath, next, version + 1);
    }

    /** Confirms or changes the year's stars; changing them from the computed ones needs a reason. */
    SocialOrganization reviewed(int year, int stars, String reason, String by, Instant at) {
        Assessment current = assessments.stream().filter(a -> a.year() == year).findFirst()
                .orElseThrow(() -> new InvalidFieldException("year", "has no assessment yet"));
        if (stars != current.computedStars() && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException("reason", "is required when the stars differ from the computed "
                    + current.computedStars());
        }
        List<Adjustment> adjustments = new ArrayList<>(current.adjustments());
        adjustments.add(new Adjustment(by, at, current.stars(), stars, reason));
        return withAssessment(new Assessment(year, current.organisationScore(), current.integrityScore(),
                current.fundsScore(), current.score(), current.computedStars(), stars, Status.REVIEWED, adjustments));
    }
}
