package org.grassroots.gridservice.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

class GeoJsonTest {

    static final List<Object> SQUARE = List.of(List.of(119.0, 33.6), List.of(119.01, 33.6), List.of(119.01, 33.61),
            List.of(119.0, 33.61), List.of(119.0, 33.6));

    @Test
    void givenAPolygon_whenRead_thenWrittenBackTheSame() {
        Map<String, Object> polygon = Map.of("type", "Polygon", "coordinates", List.of(SQUARE));

        Geometry geometry = GeoJson.readBoundary(polygon, "boundary");

        assertThat(geometry.getGeometryType()).isEqualTo("Polygon");
        assertThat(GeoJson.write(geometry)).isEqualTo(polygon);
    }

    @Test
    void givenAMultiPolygon_whenRead_thenAllItsParts() {
        Geometry geometry = GeoJson.readBoundary(
                Map.of("type", "MultiPolygon", "coordinates", List.of(List.of(SQUARE))), "boundary");

        assertThat(geometry.getNumGeometries()).isEqualTo(1);
        assertThat(Areas.squareMetres(geometry)).isBetween(1_030_000.0, 1_040_000.0);
    }

    @Test
    void givenAPoint_whenRead_thenTheTypeIsNamed() {
        assertThat(errorsOf(Map.of("type", "Point", "coordinates", List.of(119.0, 33.6))))
                .containsExactly(new FieldError("boundary.type", "must be Polygon or MultiPolygon but was Point"));
    }

    @Test
    void givenNothingOrText_whenRead_thenTheFieldIsNamed() {
        assertThat(errorsOf(null)).containsExactly(new FieldError("boundary", "is required"));
        assertThat(errorsOf("POLYGON((...))"))
                .containsExactly(new FieldError("boundary", "must be a GeoJSON geometry object"));
        assertThat(errorsOf(Map.of("type", "Polygon")))
                .containsExactly(new FieldError("boundary.coordinates", "must be a non-empty array"));
    }

    @Test
    void givenAnOpenRing_whenRead_thenItIsClosed() {
        List<Object> open = List.of(List.of(119.0, 33.6), List.of(119.01, 33.6), List.of(119.01, 33.61),
                List.of(119.0, 33.61));

        Geometry geometry = GeoJson.readBoundary(Map.of("type", "Polygon", "coordinates", List.of(open)), "boundary");

        assertThat(GeoJson.write(geometry)).isEqualTo(Map.of("type", "Polygon", "coordinates", List.of(SQUARE)));
    }

    @Test
    void givenFewerThanThreeDistinctPositions_whenRead_thenTheRingIsNamed() {
        List<Object> tooShort = List.of(List.of(119.0, 33.6), List.of(119.01, 33.6), List.of(119.0, 33.6));
        List<Object> repeatsOnly = List.of(List.of(119.0, 33.6), List.of(119.01, 33.6), List.of(119.01, 33.6),
                List.of(119.01, 33.6 + 1e-10), List.of(119.0, 33.6));

        assertThat(errorsOf(Map.of("type", "Polygon", "coordinates", List.of(tooShort)))).containsExactly(
                new FieldError("boundary.coordinates[0]", "a ring needs at least 3 distinct positions (4 with the closing one) but has 2"));
        assertThat(errorsOf(Map.of("type", "Polygon", "coordinates", List.of(repeatsOnly)))).containsExactly(
                new FieldError("boundary.coordinates[0]", "a ring needs at least 3 distinct positions (4 with the closing one) but has 2"));
    }

    @Test
    void givenBadPositions_whenRead_thenEachPositionIsNamed() {
        List<Object> ring = List.of(List.of(119.0, 33.6), List.of("east", 33.6), List.of(219.01, 33.61),
                List.of(119.0, 33.61), List.of(119.0, 33.6));

        assertThat(errorsOf(Map.of("type", "Polygon", "coordinates", List.of(ring)))).extracting(FieldError::field)
                .containsExactly("boundary.coordinates[0][1]", "boundary.coordinates[0][2]");
    }

    @Test
    void givenASelfIntersectingRing_whenRead_thenTheProblemAndWhereAreNamed() {
        List<Object> bowTie = List.of(List.of(119.0, 33.6), List.of(119.01, 33.61), List.of(119.01, 33.6),
                List.of(119.0, 33.61), List.of(119.0, 33.6));

        assertThat(errorsOf(Map.of("type", "Polygon", "coordinates", List.of(bowTie)))).singleElement()
                .satisfies(error -> {
                    assertThat(error.field()).isEqualTo("boundary");
                    assertThat(error.reason()).startsWith("not a valid Polygon: Self-intersection near [119.005, 33.605");
                });
    }

    @Test
    void givenABoundaryTooFineForAnEvent_whenRead_thenTheCountAndTheLimitAreNamed() {
        List<Object> ring = new java.util.ArrayList<>();
        int steps = GeoJson.MAX_POSITIONS;
        for (int i = 0; i < steps; i++) {
            double angle = 2 * Math.PI * i / steps;
            ring.add(List.of(119.0 + 0.01 * Math.cos(angle), 33.6 + 0.01 * Math.sin(angle)));
        }
        ring.add(ring.get(0));

        assertThat(errorsOf(Map.of("type", "Polygon", "coordinates", List.of(ring)))).containsExactly(new FieldError(
                "boundary.coordinates", "a boundary has at most 10000 positions but this one has 10001: simplify it"));
        assertThat(GeoJson.readBoundary(Map.of("type", "Polygon", "coordinates", List.of(ring.subList(0, steps - 1))),
                "boundary").getNumPoints()).as("9,999 positions and the closing one").isEqualTo(steps);
    }

    static List<FieldError> errorsOf(Object tree) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> GeoJson.readBoundary(tree, "boundary"));
        assertThat(thrown).isInstanceOf(InvalidFieldException.class);
        return ((InvalidFieldException) thrown).errors();
    }

    @Test
    void givenAHoleOutsideItsShell_whenRead_thenRejected() {
        List<Object> far = List.of(List.of(120.0, 34.0), List.of(120.01, 34.0), List.of(120.01, 34.01),
                List.of(120.0, 34.01), List.of(120.0, 34.0));
        assertThatThrownBy(() -> GeoJson.readBoundary(Map.of("type", "Polygon", "coordinates", List.of(SQUARE, far)),
                "boundary")).isInstanceOf(InvalidFieldException.class).hasMessageContaining("Hole lies outside shell");
    }
}
