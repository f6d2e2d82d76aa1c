package org.grassroots.gridservice.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.valid.IsValidOp;

/**
 * Boundaries JTS accepts as they are and MongoDB's 2dsphere index would not: each is either
 * normalised into the form MongoDB stores, or refused with a reason that names the grid.
 */
class MongoGeometryRulesTest {

    private static final String GRID = "320812001001001";

    @Test
    void givenRepeatedConsecutivePositions_whenRead_thenEachIsKeptOnce() {
        List<Object> ring = List.of(p(119.0, 33.6), p(119.01, 33.6), p(119.01, 33.6), p(119.01, 33.61),
                p(119.01, 33.61 + 1e-10), p(119.0, 33.61), p(119.0, 33.6), p(119.0, 33.6));
        assertThat(new IsValidOp(GeoJson.FACTORY.createPolygon(coordinates(ring))).isValid())
                .as("JTS accepts repeated positions").isTrue();

        Polygon read = (Polygon) GeoJson.readBoundary(polygon(ring), "boundary", GRID);

        assertThat(read.getExteriorRing().getNumPoints()).isEqualTo(5);
        assertThat(read.getExteriorRing().isClosed()).isTrue();
    }

    @Test
    void givenAClockwiseShellAndACounterClockwiseHole_whenRead_thenTheShellTurnsCounterClockwiseAndTheHoleClockwise() {
        List<Object> clockwiseShell = List.of(p(119.0, 33.6), p(119.0, 33.62), p(119.02, 33.62), p(119.02, 33.6),
                p(119.0, 33.6));
        List<Object> counterClockwiseHole = List.of(p(119.005, 33.605), p(119.01, 33.605), p(119.01, 33.61),
                p(119.005, 33.61), p(119.005, 33.605));

        Polygon read = (Polygon) GeoJson.readBoundary(Map.of("type", "Polygon", "coordinates",
                List.of(clockwiseShell, counterClockwiseHole)), "boundary", GRID);

        assertThat(Orientation.isCCW(read.getExteriorRing().getCoordinates())).isTrue();
        assertThat(Orientation.isCCW(read.getInteriorRingN(0).getCoordinates())).isFalse();
        assertThat(GeoJson.readBoundary(GeoJson.write(read), "boundary", GRID).equalsExact(read))
                .as("a normalised boundary reads back unchanged").isTrue();
    }

    /**
     * A long east–west edge at 33.6°N and, 2 m north of it on the plane, the tip of a notch: on the
     * sphere the long edge bows about 4.5 m north at its middle, past the notch, so the arcs cross.
     */
    @Test
    void givenANotchTheLongEdgeBowsPastOnTheSphere_whenRead_then400NamingTheGridAndTheEdges() {
        List<Object> notched = List.of(p(119.0, 33.6), p(119.2, 33.6), p(119.2, 33.7), p(119.1, 33.7),
                p(119.1, 33.60002), p(119.05, 33.60002), p(119.05, 33.7), p(119.0, 33.7), p(119.0, 33.6));
        Geometry onThePlane = GeoJson.FACTORY.createPolygon(coordinates(notched));
        assertThat(new IsValidOp(onThePlane).isValid()).as("JTS accepts the notch on the plane").isTrue();

        FieldError error = onlyError(polygon(notched));

        assertThat(error.field()).isEqualTo("boundary");
        assertThat(error.reason()).startsWith("grid " + GRID + ": ring 0 edge 0 ([119.0, 33.6] to [119.2, 33.6]) and ring 0 edge")
                .contains("cross on the sphere");
    }

    @Test
    void givenTheSameNotchFarEnoughFromTheEdge_whenRead_thenAccepted() {
        List<Object> notched = List.of(p(119.0, 33.6), p(119.2, 33.6), p(119.2, 33.7), p(119.1, 33.7),
                p(119.1, 33.6002), p(119.05, 33.6002), p(119.05, 33.7), p(119.0, 33.7), p(119.0, 33.6));

        assertThat(GeoJson.readBoundary(polygon(notched), "boundary", GRID).isValid()).isTrue();
    }

    @Test
    void givenAHoleTheShellsEdgeBowsInto_whenRead_then400() {
        List<Object> shell = List.of(p(119.0, 33.6), p(119.2, 33.6), p(119.2, 33.7), p(119.0, 33.7), p(119.0, 33.6));
        List<Object> hole = List.of(p(119.09, 33.60002), p(119.09, 33.65), p(119.11, 33.65), p(119.11, 33.60002),
                p(119.09, 33.60002));
        assertThat(new IsValidOp(GeoJson.FACTORY.createPolygon(GeoJson.FACTORY.createLinearRing(coordinates(shell)),
                new org.locationtech.jts.geom.LinearRing[] {GeoJson.FACTORY.createLinearRing(coordinates(hole))}))
                .isValid()).as("JTS accepts the hole inside the shell on the plane").isTrue();

        FieldError error = onlyError(Map.of("type", "Polygon", "coordinates", List.of(shell, hole)));

        assertThat(error.reason()).startsWith("grid " + GRID + ": ring 0 edge 0").contains("and ring 1 edge")
                .contains("cross on the sphere");
    }

    @Test
    void givenAnEdgeSpanningHalfTheGlobe_whenRead_then400() {
        List<Object> wide = List.of(p(-100.0, 10.0), p(100.0, 10.0), p(100.0, 20.0), p(-100.0, 20.0), p(-100.0, 10.0));
        assertThat(new IsValidOp(GeoJson.FACTORY.createPolygon(coordinates(wide))).isValid()).isTrue();

        assertThat(onlyError(polygon(wide)).reason()).isEqualTo("grid " + GRID
                + ": ring 0 edge 0 spans 180° of longitude or more; MongoDB would join its ends the other way round the globe");
    }

    @Test
    void givenAMultiPolygonWithOneBadPart_whenRead_thenThePartIsNamed() {
        List<Object> square = List.of(p(118.0, 33.0), p(118.01, 33.0), p(118.01, 33.01), p(118.0, 33.01), p(118.0, 33.0));
        List<Object> notched = List.of(p(119.0, 33.6), p(119.2, 33.6), p(119.2, 33.7), p(119.1, 33.7),
                p(119.1, 33.60002), p(119.05, 33.60002), p(119.05, 33.7), p(119.0, 33.7), p(119.0, 33.6));

        assertThat(onlyError(Map.of("type", "MultiPolygon", "coordinates", List.of(List.of(square), List.of(notched))))
                .reason()).startsWith("grid " + GRID + ": polygon 1: ring 0 edge 0");
    }

    private static FieldError onlyError(Map<String, Object> boundary) {
        InvalidFieldException refused = catchThrowableOfType(InvalidFieldException.class,
                () -> GeoJson.readBoundary(boundary, "boundary", GRID));
        assertThat(refused).as("refused").isNotNull();
        assertThat(refused.errors()).hasSize(1);
        return refused.errors().get(0);
    }

    private static Map<String, Object> polygon(List<Object> ring) {
        return Map.of("type", "Polygon", "coordinates", List.of(ring));
    }

    private static List<Double> p(double lon, double lat) {
        return List.of(lon, lat);
    }

    @SuppressWarnings("unchecked")
    private static org.locationtech.jts.geom.Coordinate[] coordinates(List<Object> ring) {
        return ring.stream().map(position -> (List<Double>) position)
                .map(position -> new org.locationtech.jts.geom.Coordinate(position.get(0), position.get(1)))
                .toArray(org.locationtech.jts.geom.Coordinate[]::new);
    }
}
