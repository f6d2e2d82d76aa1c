package org.grassroots.volunteerservice.timebank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The transfer state machine as a table, and hours turned into minutes without loss. */
class TransferStateTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PROPOSED, CONFIRMED, true", "PROPOSED, DECLINED, true", "PROPOSED, CANCELLED, true",
            "PROPOSED, DEBITED, false", "CONFIRMED, DEBITED, true", "CONFIRMED, FAILED, true",
            "CONFIRMED, COMPLETED, false", "DEBITED, COMPLETED, true", "DEBITED, REFUNDING, true",
            "DEBITED, FAILED, false", "REFUNDING, FAILED, true", "REFUNDING, COMPLETED, false",
            "COMPLETED, REFUNDING, false", "FAILED, CONFIRMED, false", "DECLINED, CONFIRMED, false"})
    void givenAState_whenAskedForTheNext_thenOnlyTheDrawnArrowsAreAllowed(TransferState from, TransferState to,
            boolean allowed) {
        assertThat(from.mayBecome(to)).isEqualTo(allowed);
    }

    @Test
    void givenTheStates_whenAskedWhichAreInProgress_thenThoseBetweenConfirmationAndTheEnd() {
        assertThat(TransferState.values()).filteredOn(TransferState::isInProgress)
                .containsExactly(TransferState.CONFIRMED, TransferState.DEBITED, TransferState.REFUNDING);
        assertThat(TransferState.values()).filteredOn(TransferState::isFinal)
                .containsExactly(TransferState.COMPLETED, TransferState.FAILED, TransferState.DECLINED,
                        TransferState.CANCELLED);
    }

    @Test
    void givenHoursWithQuarters_whenTurnedIntoMinutes_thenNothingIsRounded() {
        assertThat(Hours.toMinutes(new BigDecimal("1.25"), 100, "hours")).isEqualTo(75);
        assertThat(Hours.ofMinutes(75)).isEqualByComparingTo("1.25");
    }

    @Test
    void givenAFractionOfAMinute_whenTurnedIntoMinutes_thenTheFieldIsNamed() {
        assertThatThrownBy(() -> Hours.toMinutes(new BigDecimal("0.001"), 100, "hours"))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("hours");
        assertThatThrownBy(() -> Hours.toMinutes(new BigDecimal("-1"), 100, "hours"))
                .isInstanceOf(InvalidFieldException.class);
    }
}
