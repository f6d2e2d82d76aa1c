package org.grassroots.gridservice.buildings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.grassroots.contracts.grids.BuildingOccupied;
import org.grassroots.contracts.grids.BuildingVacated;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;

class BuildingTest {

    static final Instant T0 = Instant.parse("2026-03-03T01:00:00Z");
    static final String PATH = "/qjp/qjp-pulou/qjp-pulou-chengnan";

    @Test
    void givenAFirstHousehold_whenTheBuildingIsFirstOccupied_thenItsEventNamesOnlyTheBuildingGridAndPath() {
        Building building = Building.firstOccupied("320812001001001", "3幢", PATH, T0);

        assertThat(building.created()).containsExactly(
                new BuildingOccupied("320812001001001:3幢", 1, PATH, T0, "320812001001001", "3幢"));
        assertThat(building.isOccupied()).isTrue();
    }

    @Test
    void givenAnOccupiedBuilding_whenVacatedAndOccupiedAgain_thenEachStepIsAnEventAtTheNextVersion() {
        Building building = Building.firstOccupied("320812001001001", "3幢", PATH, T0);

        assertThat(building.vacate(T0.plusSeconds(60))).containsExactly(
                new BuildingVacated("320812001001001:3幢", 2, PATH, T0.plusSeconds(60), "320812001001001", "3幢"));
        assertThat(building.occupy(PATH + "x", T0.plusSeconds(120))).containsExactly(
                new BuildingOccupied("320812001001001:3幢", 3, PATH + "x", T0.plusSeconds(120), "320812001001001",
                        "3幢"));
    }

    @Test
    void givenABuildingInAState_whenAskedForTheSameState_thenRefused() {
        Building building = Building.firstOccupied("320812001001001", "3幢", PATH, T0);

        assertThatThrownBy(() -> building.occupy(PATH, T0)).isInstanceOf(InvalidStateException.class);
        building.vacate(T0);
        assertThatThrownBy(() -> building.vacate(T0)).isInstanceOf(InvalidStateException.class);
        assertThat(building.version()).isEqualTo(2);
    }
}
