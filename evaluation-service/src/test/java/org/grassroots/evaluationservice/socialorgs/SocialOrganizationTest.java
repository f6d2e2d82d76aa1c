package org.grassroots.evaluationservice.socialorgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** A social organisation's stars: computed from the scores, capped by integrity, reviewed with a reason. */
class SocialOrganizationTest {

    private static final Instant NOW = Instant.parse("2026-06-01T02:00:00Z");

    @Test
    void givenScores_whenAssessed_thenTheWeightedScoreGivesStarsAwaitingReview() {
        SocialOrganization organization = SocialOrganization.unassessed("so-chengnan-volunteers");

        assertThat(organization.assess(2026, 90, 85, 80)).isEmpty();

        SocialOrganization.Assessment assessment = organization.assessments().get(0);
        assertThat(assessment.score()).isEqualTo(85.5);
        assertThat(assessment.stars()).isEqualTo(4);
        assertThat(assessment.status()).isEqualTo(SocialOrganization.Status.PROPOSED);
        assertThat(organization.version()).isEqualTo(1);
    }

    @Test
    void givenIntegrityBelowSixty_whenAssessed_thenAtMostTwoStars() {
        SocialOrganization organization = SocialOrganization.unassessed("so-x");

        organization.assess(2026, 100, 59, 100);

        assertThat(organization.assessments().get(0).computedStars()).isEqualTo(2);
    }

    @Test
    void givenAnAssessment_whenReviewedToOtherStarsWithoutAReason_thenRefusedAndWithOneThenKeptWithTheChange() {
        SocialOrganization organization = SocialOrganization.unassessed("so-x");
        organization.assess(2026, 90, 85, 80);

        assertThatThrownBy(() -> organization.review(2026, 5, " ", "admin", NOW))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("reason");
        organization.review(2026, 5, "承接社区养老服务成效突出", "admin", NOW);

        SocialOrganization.Assessment reviewed = organization.assessments().get(0);
        assertThat(reviewed.stars()).isEqualTo(5);
        assertThat(reviewed.computedStars()).isEqualTo(4);
        assertThat(reviewed.status()).isEqualTo(SocialOrganization.Status.REVIEWED);
        assertThat(reviewed.adjustments()).singleElement()
                .returns(4, SocialOrganization.Adjustment::from).returns(5, SocialOrganization.Adjustment::to);
        assertThat(organization.version()).isEqualTo(2);
    }

    @Test
    void givenNoAssessmentOfTheYear_whenReviewed_thenRefusedNamingTheYear() {
        SocialOrganization organization = SocialOrganization.unassessed("so-x");

        assertThatThrownBy(() -> organization.review(2025, 3, null, "admin", NOW))
                .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("year");
    }
}
