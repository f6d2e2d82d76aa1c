package org.grassroots.caseservice.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.grassroots.contracts.cases.GeoPoint;
import org.junit.jupiter.api.Test;

class DistanceTest {

    @Test
    void givenAThousandthOfADegreeOfLatitude_whenMeasured_thenItIsAbout111Metres() {
        assertThat(Distance.metres(new GeoPoint(119.0213, 33.6012), new GeoPoint(119.0213, 33.6022)))
                .isCloseTo(111.2, within(0.5));
    }

    @Test
    void givenALatitudeAwayFromTheEquator_whenADegreeOfLongitudeIsMeasured_thenItIsShorter() {
        // At 33.6°N a 0.0005° step east is about 46 m: inside the 50 m duplicate radius.
        assertThat(Distance.metres(new GeoPoint(119.0213, 33.6012), new GeoPoint(119.0218, 33.6012)))
                .isCloseTo(46.3, within(0.5));
    }

    @Test
    void givenAPoint_whenMeasuredToItself_thenTheDistanceIsZero() {
        assertThat(Distance.metres(new GeoPoint(119.0213, 33.6012), new GeoPoint(119.0213, 33.6012))).isZero();
    }
}
