package org.grassroots.gridlocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.grassroots.contracts.grids.GridLevel;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The raster and the packed point-in-area test only skip work, never change an answer: on irregular
 * grids with holes, MultiPolygons, shared borders and nesting, every answer equals the rule applied
 * by brute force with JTS's own {@code covers}, at random points and, where ties and rounding live,
 * exactly on vertices and on edges.
 */
class GridLocatorAgreesWithJtsTest {

    static final int GRIDS_PER_SIDE = 6;

    @Test
    void givenIrregularNestedGrids_whenLocatingEverywhere_thenTheSameAnswerAsJtsCoversWithTheTieRule() {
        Random random = new Random(20261121L);
        List<LocatableGrid> grids = district(random);
        GridLocator locator = new GridLocator(grids);

        List<Coordinate> points = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            points.add(new Coordinate(-0.5 + random.nextDouble() * (GRIDS_PER_SIDE + 1),
                    -0.5 + random.nextDouble() * (GRIDS_PER_SIDE + 1)));
        }
        for (LocatableGrid grid : grids) {
            Coordinate[] vertices = grid.boundary().getCoordinates();
            for (int i = 0; i + 1 < vertices.length; i++) {
                points.add(vertices[i]);
                points.add(new Coordinate((vertices[i].x + vertices[i + 1].x) / 2,
                        (vertices[i].y + vertices[i + 1].y) / 2));
            }
        }

        int located = 0;
        for (Coordinate point : points) {
            String expected = bruteForce(grids, point);
            LocatableGrid actual = locator.deepest(point.x, point.y);
            assertThat(actual == null ? null : actual.code()).as("grid at %s", point).isEqualTo(expected);
            located += expected == null ? 0 : 1;
        }
        assertThat(located).as("points inside some grid").isGreaterThan(points.size() / 2);
    }

    /** The rule as the class states it, with nothing clever: deepest covering grid, then lowest code. */
    static String bruteForce(List<LocatableGrid> grids, Coordinate point) {
        Geometry at = Boundaries.FACTORY.createPoint(point);
        return grids.stream()
                .filter(grid -> grid.boundary().covers(at))
                .min(Comparator.comparingInt((LocatableGrid grid) -> grid.level() == GridLevel.MICRO ? 0 : 1)
                        .thenComparing(LocatableGrid::code))
                .map(LocatableGrid::code)
                .orElse(null);
    }

    /**
     * Level-1 grids on a jittered lattice sharing their borders exactly, every third with a hole,
     * every fifth with a detached second part; micro-grids (jagged quadrilaterals) inside some.
     */
    static List<LocatableGrid> district(Random random) {
        double[][] jitterX = new double[GRIDS_PER_SIDE + 1][GRIDS_PER_SIDE + 1];
        double[][] jitterY = new double[GRIDS_PER_SIDE + 1][GRIDS_PER_SIDE + 1];
        for (int i = 0; i <= GRIDS_PER_SIDE; i++) {
            for (int j = 0; j <= GRIDS_PER_SIDE; j++) {
                jitterX[i][j] = i + (random.nextDouble() - 0.5) * 0.3;
                jitterY[i][j] = j + (random.nextDouble() - 0.5) * 0.3;
            }
        }
        List<LocatableGrid> grids = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < GRIDS_PER_SIDE; i++) {
            for (int j = 0; j < GRIDS_PER_SIDE; j++, n++) {
                Coordinate[] shell = {
                        new Coordinate(jitterX[i][j], jitterY[i][j]),
                        new Coordinate(jitterX[i + 1][j], jitterY[i + 1][j]),
                        new Coordinate(jitterX[i + 1][j + 1], jitterY[i + 1][j + 1]),
                        new Coordinate(jitterX[i][j + 1], jitterY[i][j + 1]),
                        new Coordinate(jitterX[i][j], jitterY[i][j]) };
                double cx = (shell[0].x + shell[2].x) / 2;
                double cy = (shell[0].y + shell[2].y) / 2;
                Polygon cell = n % 3 == 0
                        ? Boundaries.FACTORY.createPolygon(Boundaries.FACTORY.createLinearRing(shell),
                                new org.locationtech.jts.geom.LinearRing[] {
                                        square(cx + 0.05, cy + 0.05, 0.15).getExteriorRing() })
                        : Boundaries.FACTORY.createPolygon(shell);
                Geometry boundary = n % 5 == 0
                        ? Boundaries.FACTORY.createMultiPolygon(new Polygon[] {
                                cell, square(GRIDS_PER_SIDE + 0.1 + 0.1 * (n % 4), 0.3 * (n / 5), 0.08) })
                        : cell;
                String code = String.format("320812001001%03d", n + 1);
                grids.add(grid(code, GridLevel.LEVEL_1, null, boundary));
                if (n % 2 == 0) {
                    // two micro-grids sharing a border
                    grids.add(grid(code + "01", GridLevel.MICRO, code, square(shell[0].x + 0.3, shell[0].y + 0.3, 0.2)));
                    grids.add(grid(code + "02", GridLevel.MICRO, code, square(shell[0].x + 0.5, shell[0].y + 0.3, 0.2)));
                }
            }
        }
        return grids;
    }

    static LocatableGrid grid(String code, GridLevel level, String parent, Geometry boundary) {
        return GridLocatorTest.grid(code, level, parent, boundary);
    }

    static Polygon square(double x, double y, double size) {
        return GridLocatorTest.square(x, y, size);
    }
}
