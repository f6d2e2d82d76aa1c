package org.grassroots.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.grids.GridBoundaryChanged;
import org.grassroots.contracts.grids.GridCreated;
import org.grassroots.contracts.grids.GridFacts;
import org.grassroots.contracts.grids.GridLevel;
import org.junit.jupiter.api.Test;

/** When case-service's copy of the grids may answer, and when it must leave the answer to grid-service. */
class GridBoundariesTest {

    static final String PATH = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String GRID = "320812001001001";
    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
    static final GeoPoint INSIDE = new GeoPoint(119.005, 33.605);

    final GridBoundaries boundaries = new GridBoundaries();

    @Test
    void givenGridsNotYetReadToTheEnd_whenLocating_thenTheCopyDoesNotAnswer() {
        boundaries.apply(created(square()));

        assertThat(boundaries.locate(INSIDE)).isEmpty();

        boundaries.caughtUp();
        assertThat(boundaries.locate(INSIDE)).get().extracting(Placement::gridCode).isEqualTo(GRID);
    }

    @Test
    void givenNoGridAtAll_whenLocating_thenGridServiceIsLeftToAnswerRatherThanOutsideEveryGrid() {
        boundaries.caughtUp();

        assertThat(boundaries.locate(INSIDE)).isEmpty();
        assertThat(boundaries.describe()).isEqualTo("no active grid yet: reports are located by grid-service");
    }

    @Test
    void givenABoundaryThatCannotBeRead_whenLocating_thenGridServiceAnswersUntilTheGridIsRedrawn() {
        boundaries.caughtUp();
        boundaries.apply(created(Map.of("type", "Polygon", "coordinates", List.of("not a ring"))));

        assertThat(boundaries.locate(INSIDE)).isEmpty();
        assertThat(boundaries.describe()).contains("1 of them without a boundary");

        boundaries.apply(new GridBoundaryChanged(GRID, 2, PATH, AT, facts(), 1.0e6, square()));
        assertThat(boundaries.locate(INSIDE)).get().extracting(Placement::gridCode).isEqualTo(GRID);
        assertThat(boundaries.locate(new GeoPoint(119.5, 33.605))).get()
                .extracting(Placement::unlocatedReason).isEqualTo(Placement.OUTSIDE_EVERY_GRID);
    }

    @Test
    void givenAGridDrawnBeforeEventsCarriedBoundaries_whenGridServiceSendsItsBoundaryAtStart_thenTheCopyAnswers() {
        boundaries.apply(created(null));
        boundaries.caughtUp();

        assertThat(boundaries.locate(INSIDE)).isEmpty();
        assertThat(boundaries.describe()).contains("1 of them without a boundary", "grid-service sends when it next starts");

        // What grid-service's start-up sends for it: the same grid, its boundary unchanged, the version raised.
        boundaries.apply(new GridBoundaryChanged(GRID, 2, PATH, AT, facts(), 1.0e6, square()));
        assertThat(boundaries.locate(INSIDE)).get().extracting(Placement::gridCode).isEqualTo(GRID);
        assertThat(boundaries.describe()).contains("reports are located here");
    }

    private static GridCreated created(Map<String, Object> boundary) {
        return new GridCreated(GRID, 1, PATH, AT, facts(), 1.0e6, boundary);
    }

    private static GridFacts facts() {
        return new GridFacts(GRID, "城南社区第一网格", GridLevel.LEVEL_1, null, "qjp-pulou-chengnan", "qjp-pulou", PATH, false);
    }

    private static Map<String, Object> square() {
        return Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(119.0, 33.6), List.of(119.01, 33.6),
                List.of(119.01, 33.61), List.of(119.0, 33.61), List.of(119.0, 33.6))));
    }
}
