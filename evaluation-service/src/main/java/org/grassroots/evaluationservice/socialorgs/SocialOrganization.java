package org.grassroots.evaluationservice.socialorgs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.evaluationservice.Stars;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * What evaluation-service holds of a social organisation (社会组织): its yearly assessments, under
 * the organisation's partner code (org-service owns the organisation: its name and where it works).
 * Stars are rated from the assessment scores (评星定级), reviewed by the district, and adjusted when
 * things change (动态调整): every review or adjustment keeps the stars before, the stars after and
 * the reason. Assessments are evaluation's own figures, so the commands produce no event.
 */
public final class SocialOrganization {

    private final String code;
    private final List<Assessment> assessments;
    private long version;

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

    SocialOrganization(String code, List<Assessment> assessments, long version) {
        this.code = code;
        this.assessments = new ArrayList<>(assessments == null ? List.of() : assessments);
        this.version = version;
    }

    /** An organisation not assessed yet (version 0: not stored). */
    static SocialOrganization unassessed(String code) {
        return new SocialOrganization(code, List.of(), 0);
    }

    /**
     * The year's assessment from its scores (each 0–100), replacing an earlier one of the year:
     * weighted 40% degree of organisation, 30% integrity, 30% use of support funds; an integrity score
     * below 60 caps the rating at two stars, since an organisation that is not trustworthy cannot be
     * rated highly whatever else it does. The stars await the district's review.
     */
    List<IntegrationEvent> assess(int year, int organisation, int integrity, int funds) {
        requireScore("organisationScore", organisation);
        requireScore("integrityScore", integrity);
        requireScore("fundsScore", funds);
        double score = Math.round((0.4 * organisation + 0.3 * integrity + 0.3 * funds) * 10) / 10.0;
        int stars = Stars.of(score);
        if (integrity < 60) {
            stars = Math.min(stars, 2);
        }
        put(new Assessment(year, organisation, integrity, funds, score, stars, stars, Status.PROPOSED, List.of()));
        return List.of();
    }

    /** Confirms or changes the year's stars; changing them from the computed ones needs a reason. */
    List<IntegrationEvent> review(int year, int stars, String reason, String by, Instant at) {
        Assessment current = assessments.stream().filter(a -> a.year() == year).findFirst()
                .orElseThrow(() -> new InvalidFieldException("year", "has no assessment yet"));
        if (stars < 1 || stars > 5) {
            throw new InvalidFieldException("stars", "must be between 1 and 5");
        }
        if (stars != current.computedStars() && (reason == null || reason.isBlank())) {
            throw new InvalidFieldException("reason", "is required when the stars differ from the computed "
                    + current.computedStars());
        }
        List<Adjustment> adjustments = new ArrayList<>(current.adjustments());
        adjustments.add(new Adjustment(by, at, current.stars(), stars, reason));
        put(new Assessment(year, current.organisationScore(), current.integrityScore(), current.fundsScore(),
                current.score(), current.computedStars(), stars, Status.REVIEWED, adjustments));
        return List.of();
    }

    private void put(Assessment assessment) {
        assessments.removeIf(a -> a.year() == assessment.year());
        assessments.add(assessment);
        assessments.sort(Comparator.comparingInt(Assessment::year));
        version++;
    }

    private static void requireScore(String field, int score) {
        if (score < 0 || score > 100) {
            throw new InvalidFieldException(field, "must be between 0 and 100");
        }
    }

    public String code() {
        return code;
    }

    public List<Assessment> assessments() {
        return List.copyOf(assessments);
    }

    public long version() {
        return version;
    }
}
