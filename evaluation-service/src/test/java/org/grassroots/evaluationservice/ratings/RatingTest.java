package org.grassroots.evaluationservice.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.grassroots.contracts.evaluation.CaseRated;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.junit.jupiter.api.Test;

/** One rating per closure: a later closure is rated again, keeping the earlier answer; the same closure is refused. */
class RatingTest {

    private static final Instant CLOSED = Instant.parse("2026-04-01T02:00:00.123456Z");
    private static final Rating.RatedCase CASE = new Rating.RatedCase("case-1", "QJP-2026-000001",
            "/qjp/qjp-pulou/qjp-pulou-chengnan", "qjp-pulou-chengnan", "EXPOSED_RUBBISH", null,
            CLOSED.minusSeconds(86_400));

    @Test
    void givenAClosedCase_whenFirstRated_thenVersionOneAndTheEventLeavesOutTheCommentAndTheRater() {
        Rating.First first = Rating.first(CASE, answer("r1", CLOSED, Satisfaction.DISSATISFIED));

        assertThat(first.rating().version()).isEqualTo(1);
        assertThat(first.event()).returns("r1", CaseRated::ratingId).returns(1L, CaseRated::aggregateVersion)
                .returns(Satisfaction.DISSATISFIED, CaseRated::satisfaction);
        assertThat(first.event().toString()).doesNotContain("清运不及时").doesNotContain("resident-1");
    }

    @Test
    void givenARatedClosure_whenTheNextClosureIsRated_thenTheAnswerIsReplacedAndTheEarlierOneKept() {
        Rating rating = Rating.first(CASE, answer("r1", CLOSED, Satisfaction.DISSATISFIED)).rating();

        CaseRated event = rating.rerate(answer("r2", CLOSED.plusSeconds(3_600), Satisfaction.SATISFIED));

        assertThat(event).returns("r2", CaseRated::ratingId).returns(2L, CaseRated::aggregateVersion);
        assertThat(rating.satisfaction()).isEqualTo(Satisfaction.SATISFIED);
        assertThat(rating.earlier()).singleElement().returns("r1", Rating.EarlierRating::ratingId);
    }

    @Test
    void givenARatedClosure_whenTheSameCloseIsRatedAgainToTheMillisecond_thenRefusedAndUnchanged() {
        Rating rating = Rating.first(CASE, answer("r1", CLOSED, Satisfaction.SATISFIED)).rating();

        assertThatThrownBy(() -> rating.rerate(answer("r2", CLOSED.plusNanos(1_000), Satisfaction.DISSATISFIED)))
                .isInstanceOf(AlreadyExistsException.class);
        assertThat(rating.version()).isEqualTo(1);
        assertThat(rating.ratingId()).isEqualTo("r1");
    }

    private static Rating.Answer answer(String id, Instant closedAt, Satisfaction satisfaction) {
        return new Rating.Answer(id, closedAt, satisfaction, "清运不及时", false, "resident-1", closedAt.plusSeconds(600));
    }
}
