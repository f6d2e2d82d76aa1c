package org.grassroots.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;

import org.grassroots.contracts.ContractFixtures;
import org.junit.jupiter.api.Test;

class CaseRatedTest {

    @Test
    void givenFixture_whenRead_thenKeyedByTheCaseSoItFollowsTheCasesOrder() {
        CaseRated rated = ContractFixtures.event(CaseRated.class);

        assertThat(rated.subject()).isEqualTo(rated.caseId());
    }

    @Test
    void givenTheThreeAnswers_whenCountedForTheSatisfactionRate_thenOnlyDissatisfiedIsLeftOut() {
        assertThat(Satisfaction.SATISFIED.countsAsSatisfied()).isTrue();
        assertThat(Satisfaction.BASICALLY_SATISFIED.countsAsSatisfied()).isTrue();
        assertThat(Satisfaction.DISSATISFIED.countsAsSatisfied()).isFalse();
    }

    @Test
    void givenNoAnswer_whenBuilt_thenRefusedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new CaseRated("c1", 1, "/qjp", Instant.EPOCH, "r1", "QJP-1", "NOISE", null, null, null,
                        false))
                .withMessageContaining("satisfaction");
    }
}
