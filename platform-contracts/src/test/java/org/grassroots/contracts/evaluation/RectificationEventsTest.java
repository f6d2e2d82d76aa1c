package org.grassroots.contracts.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.contracts.ContractFixtures;
import org.junit.jupiter.api.Test;

class RectificationEventsTest {

    @Test
    void givenFixtures_whenRead_thenListedAndLiftedShareTheEntryAsTheirSubject() {
        RectificationListed listed = ContractFixtures.event(RectificationListed.class);
        RectificationLifted lifted = ContractFixtures.event(RectificationLifted.class);

        assertThat(listed.subject()).isEqualTo(listed.entryId()).isEqualTo(lifted.subject());
        assertThat(lifted.aggregateVersion()).isGreaterThan(listed.aggregateVersion());
    }

    @Test
    void givenNoCommunity_whenBuilt_thenRefusedNamingTheField() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new RectificationListed("r:c:2026-Q1", 1, "/qjp", Instant.EPOCH, "r", " ", "2026-Q1",
                        BigDecimal.ONE, 1, BigDecimal.ONE))
                .withMessageContaining("communityId");
    }
}
