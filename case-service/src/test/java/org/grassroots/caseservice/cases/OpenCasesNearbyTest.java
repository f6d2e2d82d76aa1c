package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.grassroots.caseservice.intake.Distance;
import org.grassroots.contracts.cases.GeoPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenCasesNearbyTest {

    /** Whatever lies within the radius of a report lies in one of the cells the report reads. */
    @ParameterizedTest
    @ValueSource(doubles = {-54.0, -33.6, -0.0001, 0.0, 18.2, 33.6, 45.7, 53.5, 63.0, 70.0, 85.0})
    void givenAReportAtAnyLatitude_whenTheCellsAroundItAreRead_thenEveryPointWithinTheRadiusIsInOne(double latitude) {
        Random random = new Random(Double.hashCode(latitude));
        for (int i = 0; i < 20_000; i++) {
            GeoPoint report = new GeoPoint(-179 + 358 * random.nextDouble(), latitude + 0.01 * random.nextDouble());
            GeoPoint other = pointWithinRadius(report, random);
            List<String> read = OpenCasesNearby.cellsAround("EXPOSED_RUBBISH", report);

            assertThat(read).as("%s near %s", other, report).contains(OpenCasesNearby.cellOf("EXPOSED_RUBBISH", other));
        }
    }

    /** A point at most 50 m from {@code centre}, often right at the edge. */
    private static GeoPoint pointWithinRadius(GeoPoint centre, Random random) {
        double bearing = 2 * Math.PI * random.nextDouble();
        double metres = random.nextBoolean() ? OpenCasesNearby.RADIUS_METRES * random.nextDouble()
                : OpenCasesNearby.RADIUS_METRES * (1 - 1e-9);
        double dLat = metres * Math.cos(bearing) / 111_195.0;
        double dLon = metres * Math.sin(bearing) / (111_195.0 * Math.cos(Math.toRadians(centre.lat())));
        GeoPoint other = new GeoPoint(centre.lon() + dLon, centre.lat() + dLat);
        // The flat approximation above may land a hair outside; such points are not within the radius.
        return Distance.metres(centre, other) <= OpenCasesNearby.RADIUS_METRES ? other : centre;
    }
}
