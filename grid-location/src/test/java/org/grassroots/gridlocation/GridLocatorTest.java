package org.grassroots.gridlocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.contracts.grids.GridLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Two grids side by side sharing the border x = 1; the west one has a hole with an enclave grid in it,
 * and a micro-grid in its south-west corner; the east one has a detached second part (a MultiPolygon).
 */
class GridLocatorTest {

    static final String WEST = "320812001001001";
    static final String EAST = "320812001001002";
    static final String ENCLAVE = "320812001001003";
    static final String MICRO = WEST + "01";
    static final String UNKNOWN_PARENT_MICRO = "32081200100100999";

    final GridLocator locator = new GridLocator(List.of(
            grid(MICRO, GridLevel.MICRO, WEST, square(0, 0, 0.4)),
            grid(WEST, GridLevel.LEVEL_1, null, withHole(square(0, 0, 1), square(0.6, 0.6, 0.2))),
            grid(EAST, GridLevel.LEVEL_1, null, Boundaries.FACTORY.createMultiPolygon(new Polygon[] {
                    square(1, 0, 1), square(3, 3, 1) })),
            grid(ENCLAVE, GridLevel.LEVEL_1, null, square(0.6, 0.6, 0.2))));

    @Test
    void givenAPointInsideAGridOnly_whenLocated_thenThatGridWithNoAncestors() {
        GridLocation location = locator.locate(0.5, 0.9).orElseThrow();

        assertThat(location.grid().code()).isEqualTo(WEST);
        assertThat(location.ancestors()).isEmpty();
    }

    @Test
    void givenAPointInAMicroGrid_whenLocated_thenTheMicroGridWinsWithItsGridAsAncestor() {
        GridLocation location = locator.locate(0.2, 0.2).orElseThrow();

        assertThat(location.grid().code()).isEqualTo(MICRO);
        assertThat(location.ancestors()).extracting(LocatableGrid::code).containsExactly(WEST);
    }

    @Test
    void givenAPointOnTheBorderOfAMicroGridAndItsGrid_whenLocated_thenTheDeeperMicroGridWins() {
        assertThat(locator.deepest(0.4, 0.2).code()).isEqualTo(MICRO);
    }

    @Test
    void givenAPointOnTheBorderTwoGridsShare_whenLocated_thenTheLowestCodeWins() {
        assertThat(locator.deepest(1.0, 0.5).code()).isEqualTo(WEST);
    }

    @Test
    void givenAPointOnACornerOfThreeGrids_whenLocated_thenStillTheLowestCodeAmongTheDeepest() {
        assertThat(locator.deepest(0.0, 0.0).code()).isEqualTo(MICRO);
        assertThat(locator.deepest(1.0, 1.0).code()).isEqualTo(WEST);
    }

    @Test
    void givenAPointInAHole_whenLocated_thenNotTheGridWithTheHoleButTheEnclaveFillingIt() {
        assertThat(locator.deepest(0.7, 0.7).code()).isEqualTo(ENCLAVE);
    }

    @Test
    void givenAPointInAHoleNothingFills_whenLocated_thenNothing() {
        GridLocator withoutEnclave = new GridLocator(List.of(
                grid(WEST, GridLevel.LEVEL_1, null, withHole(square(0, 0, 1), square(0.6, 0.6, 0.2)))));

        assertThat(withoutEnclave.locate(0.7, 0.7)).isEmpty();
        assertThat(withoutEnclave.locate(0.5, 0.5)).isPresent();
    }

    @Test
    void givenAPointInTheDetachedPartOfAMultiPolygon_whenLocated_thenThatGrid() {
        assertThat(locator.deepest(3.5, 3.5).code()).isEqualTo(EAST);
        assertThat(locator.deepest(1.5, 0.5).code()).isEqualTo(EAST);
    }

    @Test
    void givenAPointOutsideEverything_whenLocated_thenEmpty() {
        assertThat(locator.locate(2.5, 2.5)).isEmpty();
        assertThat(locator.locate(-10, 45)).isEmpty();
        assertThat(GridLocator.empty().locate(0.2, 0.2)).isEmpty();
    }

    @Test
    void givenAMicroGridWhoseParentIsUnknown_whenLocated_thenItStillLocatesAsATopLevelGrid() {
        GridLocator orphan = new GridLocator(List.of(
                grid(UNKNOWN_PARENT_MICRO, GridLevel.MICRO, "320812001001009", square(10, 10, 1))));

        GridLocation location = orphan.locate(10.5, 10.5).orElseThrow();
        assertThat(location.grid().code()).isEqualTo(UNKNOWN_PARENT_MICRO);
        assertThat(location.ancestors()).isEmpty();
    }

    static LocatableGrid grid(String code, GridLevel level, String parent, Geometry boundary) {
        return new LocatableGrid(code, "网格" + code, level, parent, "qjp-pulou-chengnan", "qjp-pulou",
                "/qjp/qjp-pulou/qjp-pulou-chengnan", boundary);
    }

    static Polygon square(double x, double y, double size) {
        return Boundaries.FACTORY.createPolygon(new Coordinate[] {
                new Coordinate(x, y), new Coordinate(x + size, y), new Coordinate(x + size, y + size),
                new Coordinate(x, y + size), new Coordinate(x, y) });
    }

    static Polygon withHole(Polygon shell, Polygon hole) {
        return Boundaries.FACTORY.createPolygon(shell.getExteriorRing(),
                new org.locationtech.jts.geom.LinearRing[] { hole.getExteriorRing() });
    }
}
