package org.grassroots.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridlocation.LocatableGrid;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;

/**
 * A district of irregular grids tiling it without gaps, like real ones drawn along streets: the
 * district's box is cut into Voronoi cells (the grids), each grid into Voronoi cells of its own (the
 * micro-grids), and every edge densified so that a boundary has tens of vertices, as a digitised one
 * has. The same seed gives the same district.
 */
final class SyntheticDistrict {

    static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    /** Around 清江浦区: 0.3° × 0.3°, about 28 km × 33 km. */
    static final Envelope BOX = new Envelope(118.87, 119.17, 33.45, 33.75);

    private SyntheticDistrict() {
    }

    static List<LocatableGrid> build(int grids, int microPerGrid, long seed) {
        Random random = new Random(seed);
        List<LocatableGrid> all = new ArrayList<>(grids * (microPerGrid + 1));
        List<Polygon> gridCells = cells(randomPoints(BOX, grids, random, null), BOX, FACTORY.toGeometry(BOX));
        for (int g = 0; g < gridCells.size(); g++) {
            Polygon cell = gridCells.get(g);
            String gridCode = String.format("320812%03d%03d%03d", 1 + g / 100, 1 + (g / 10) % 10, 1 + g % 10);
            all.add(grid(gridCode, GridLevel.LEVEL_1, null, densify(cell)));
            List<Polygon> micro = cells(randomPoints(cell.getEnvelopeInternal(), microPerGrid, random, cell),
                    cell.getEnvelopeInternal(), cell);
            for (int m = 0; m < micro.size(); m++) {
                all.add(grid(gridCode + String.format("%02d", m % 100), GridLevel.MICRO, gridCode,
                        densify(micro.get(m))));
            }
        }
        return all;
    }

    /** Random points in the box (and inside {@code within}, if given): where the cells will be. */
    static List<Coordinate> randomPoints(Envelope box, int count, Random random, Geometry within) {
        List<Coordinate> points = new ArrayList<>(count);
        var locator = within == null ? null
                : new org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator(within);
        while (points.size() < count) {
            Coordinate point = new Coordinate(box.getMinX() + random.nextDouble() * box.getWidth(),
                    box.getMinY() + random.nextDouble() * box.getHeight());
            if (locator == null || locator.locate(point) == org.locationtech.jts.geom.Location.INTERIOR) {
                points.add(point);
            }
        }
        return points;
    }

    private static List<Polygon> cells(List<Coordinate> sites, Envelope clip, Geometry within) {
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(sites);
        builder.setClipEnvelope(clip);
        Geometry diagram = builder.getDiagram(FACTORY);
        List<Polygon> cells = new ArrayList<>(diagram.getNumGeometries());
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i).intersection(within);
            for (int p = 0; p < cell.getNumGeometries(); p++) {
                if (cell.getGeometryN(p) instanceof Polygon polygon && !polygon.isEmpty()) {
                    cells.add(polygon);
                }
            }
        }
        return cells;
    }

    /** About 40 m between vertices: a micro-grid of a few hundred metres across gets tens of them. */
    private static Geometry densify(Geometry cell) {
        return Densifier.densify(cell, 0.0004);
    }

    private static LocatableGrid grid(String code, GridLevel level, String parent, Geometry boundary) {
        return new LocatableGrid(code, "网格" + code, level, parent, "qjp-synthetic", "qjp-synthetic-street",
                "/qjp/qjp-synthetic-street/qjp-synthetic", boundary);
    }
}
