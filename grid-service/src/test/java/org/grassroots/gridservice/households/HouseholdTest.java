package org.grassroots.gridservice.households;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.grassroots.contracts.grids.HouseholdPaired;
import org.grassroots.contracts.grids.HouseholdUnpaired;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HouseholdTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    private static Household registered() {
        return Household.register("h-1", "320812001001001", "qjp-pulou-chengnan", "/qjp/qjp-pulou/qjp-pulou-chengnan",
                "1幢", "1单元", "101", "worker-1", NOW);
    }

    private static Household in(HouseholdStatus status) {
        Household household = registered();
        switch (status) {
            case ACTIVE -> { }
            case MOVED_OUT -> household.moveOut("迁出", "worker-1", NOW);
            case REMOVED -> household.remove("重复登记", "staff-1", NOW);
        }
        return household;
    }

    private static final Person PERSON = new Person("p-1", null, "fc1:k:x", "户主", "fc1:k:y", "idx", null, null, Set.of());

    /** The state rules as a table: each command in each state. */
    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({
            "ADD_PERSON, ACTIVE, allowed", "ADD_PERSON, MOVED_OUT, refused", "ADD_PERSON, REMOVED, refused",
            "CORRECT_ADDRESS, ACTIVE, allowed", "CORRECT_ADDRESS, MOVED_OUT, refused", "CORRECT_ADDRESS, REMOVED, refused",
            "CORRECT_PERSON, ACTIVE, allowed", "CORRECT_PERSON, MOVED_OUT, refused", "CORRECT_PERSON, REMOVED, refused",
            "PAIR, ACTIVE, allowed", "PAIR, MOVED_OUT, refused", "PAIR, REMOVED, refused",
            "MOVE_OUT, ACTIVE, allowed", "MOVE_OUT, MOVED_OUT, refused", "MOVE_OUT, REMOVED, refused",
            "REMOVE, ACTIVE, allowed", "REMOVE, MOVED_OUT, allowed", "REMOVE, REMOVED, refused"})
    void givenAHouseholdInAState_whenACommandIsGiven_thenTheTableDecides(HouseholdStatus.Command command,
            HouseholdStatus state, String outcome) {
        Household household = in(state);
        Household withPerson = in(state);
        if (state == HouseholdStatus.ACTIVE) {
            withPerson.addPerson(PERSON, "w", NOW);
        }
        Runnable run = switch (command) {
            case ADD_PERSON -> () -> household.addPerson(PERSON, "w", NOW);
            case CORRECT_ADDRESS -> () -> household.correctAddress(null, null, "102", "写错", "w", NOW);
            case CORRECT_PERSON -> () -> withPerson.correctPerson(PERSON, List.of("name"), "写错", "w", NOW);
            case PAIR -> () -> household.pair("m-1", false, NOW);
            case UNPAIR -> () -> {
                household.pair("m-1", false, NOW);
                household.unpair(NOW);
            };
            case MOVE_OUT -> () -> household.moveOut("迁出", "w", NOW);
            case REMOVE -> () -> household.remove("重复登记", "s", NOW);
        };

        assertThat(command.allowedIn(state)).isEqualTo(outcome.equals("allowed"));
        if (outcome.equals("allowed")) {
            run.run();
        } else {
            assertThatThrownBy(run::run).isInstanceOf(InvalidStateException.class).hasMessageContaining(command.name());
        }
    }

    @Test
    void givenAHousehold_whenCorrectedThenMovedOut_thenTheHistoryKeepsEachStepItsFieldsAndReason() {
        Household household = registered();
        household.addPerson(PERSON, "worker-1", NOW);
        household.correctAddress("2幢", null, "102", "门牌写错", "worker-1", NOW);
        household.moveOut("全家迁往外区", "worker-1", NOW);

        assertThat(household.status()).isEqualTo(HouseholdStatus.MOVED_OUT);
        assertThat(household.building()).isEqualTo("2幢");
        assertThat(household.history()).extracting(HouseholdChange::kind).containsExactly(
                HouseholdChange.Kind.REGISTERED, HouseholdChange.Kind.PERSON_ADDED,
                HouseholdChange.Kind.ADDRESS_CORRECTED, HouseholdChange.Kind.MOVED_OUT);
        assertThat(household.history()).extracting(HouseholdChange::version).containsExactly(1L, 2L, 3L, 4L);
        assertThat(household.history().get(2).fields()).containsExactly("building", "room");
        assertThat(household.history().get(3).reason()).isEqualTo("全家迁往外区");
    }

    @Test
    void givenAPairedHousehold_whenMovedOutOrRemoved_thenRefusedUntilUnpaired() {
        Household paired = registered();
        paired.pair("m-1", false, NOW);

        assertThatThrownBy(() -> paired.moveOut("迁出", "w", NOW)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("unpair");
        assertThatThrownBy(() -> paired.remove("错", "w", NOW)).isInstanceOf(InvalidStateException.class);
        paired.unpair(NOW);
        paired.moveOut("迁出", "w", NOW);
        assertThat(paired.status()).isEqualTo(HouseholdStatus.MOVED_OUT);
    }

    @Test
    void givenAHousehold_whenPairedAndUnpaired_thenEachReturnsItsEventByIdAndGridOnlyAndTheOtherCommandsNone() {
        Household household = registered();

        assertThat(household.pair("m-1", true, NOW)).containsExactly(new HouseholdPaired("h-1", 2,
                "/qjp/qjp-pulou/qjp-pulou-chengnan", NOW, "320812001001001", "m-1", true));
        assertThat(household.unpair(NOW)).containsExactly(new HouseholdUnpaired("h-1", 3,
                "/qjp/qjp-pulou/qjp-pulou-chengnan", NOW, "320812001001001", "m-1", true));
        assertThat(household.addPerson(PERSON, "w", NOW)).isEmpty();
        assertThat(household.moveOut("迁出", "w", NOW)).isEmpty();
        assertThat(household.version()).isEqualTo(5);
        assertThat(household.pairedMemberId()).isNull();
    }

    @Test
    void givenNoReasonOrNoChange_whenCorrectedOrMovedOut_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> registered().moveOut(" ", "w", NOW)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> registered().correctAddress("1幢", "1单元", "101", "x", "w", NOW))
                .isInstanceOf(InvalidFieldException.class).hasMessageContaining("building");
    }

    @Test
    void givenAHouseholdStoredBeforeStatuses_whenRead_thenItIsActiveWithAnEmptyHistory() {
        Household legacy = new HouseholdDocument("h-0", "g", "c", "/p", "1幢", "1单元", "1", List.of(), null, false, null,
                NOW, 3, null, null).toHousehold();

        assertThat(legacy.isActive()).isTrue();
        assertThat(legacy.history()).isEmpty();
    }
}
