package org.grassroots.orgservice.stations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.grassroots.contracts.orgs.StationClosed;
import org.grassroots.contracts.orgs.StationEvent;
import org.grassroots.contracts.orgs.StationKind;
import org.grassroots.contracts.orgs.StationRegistered;
import org.grassroots.contracts.orgs.StationUpdated;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StationTest {

    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");
    private static final String PATH = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    private static final OpeningPeriod WEEKDAYS = new OpeningPeriod(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 30), LocalTime.of(17, 30));
    private static final OpeningPeriod ALL_DAY = new OpeningPeriod(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT,
            LocalTime.MIDNIGHT);

    static Station.Definition definition(String name, GeoPoint point, OpeningPeriod... hours) {
        return new Station.Definition(StationKind.COURIER_STATION, name, "qjp-pulou-chengnan", "城南路 1 号", point,
                List.of(hours), Set.of(Facility.DRINKING_WATER, Facility.CHARGING),
                new StationContact("驿站管理员", "0517-83661234"));
    }

    private static Station registered() {
        return Station.register("st-1", definition("城南小哥驿站", new GeoPoint(119.0213, 33.5868), WEEKDAYS), PATH, NOW)
                .station();
    }

    @Test
    void givenADefinition_whenRegistered_thenTheStationIsActiveAtVersionOneAndTheEventCarriesNoContact() {
        Station.Registered registered = Station.register("st-1",
                definition("城南小哥驿站", new GeoPoint(119.0213, 33.5868), WEEKDAYS), PATH, NOW);

        StationRegistered event = registered.event();
        assertThat(registered.station().status()).isEqualTo(Station.Status.ACTIVE);
        assertThat(event.aggregateVersion()).isEqualTo(1);
        assertThat(event.orgPath()).isEqualTo(PATH);
        assertThat(event.station().facilities()).as("in the catalogue's order").containsExactly("DRINKING_WATER", "CHARGING");
        assertThat(event.station().toString()).doesNotContain("83661234").doesNotContain("驿站管理员");
    }

    @Test
    void givenAnActiveStation_whenUpdatedWithTheSameDefinition_thenNoEventAndTheVersionStays() {
        Station station = registered();

        List<StationEvent> events = station.update(station.definition(), PATH, NOW);

        assertThat(events).isEmpty();
        assertThat(station.version()).isEqualTo(1);
    }

    @Test
    void givenAnActiveStation_whenUpdatedWithNewHours_thenOneUpdatedEventAtTheNextVersion() {
        Station station = registered();

        List<StationEvent> events = station.update(
                definition("城南小哥驿站", new GeoPoint(119.0213, 33.5868), ALL_DAY), PATH, NOW);

        assertThat(events).singleElement().isInstanceOf(StationUpdated.class)
                .extracting(StationEvent::aggregateVersion).isEqualTo(2L);
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 6, 23, 59))).isTrue();
    }

    @Test
    void givenAnActiveStation_whenClosedWithAReason_thenItIsClosedKeepsTheReasonAndIsNeverOpen() {
        Station station = registered();

        StationClosed closed = station.close(" 场地收回 ", NOW);

        assertThat(closed.station().active()).isFalse();
        assertThat(station.closeReason()).isEqualTo("场地收回");
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 3, 10, 0))).isFalse();
    }

    @Test
    void givenAnActiveStation_whenClosedWithoutAReason_thenRefusedNamingTheField() {
        assertThatThrownBy(() -> registered().close(" ", NOW)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("reason");
    }

    /** The state rules as a table: each command in each state. */
    @ParameterizedTest(name = "{0} in {1} → {2}")
    @CsvSource({
            "UPDATE, ACTIVE, allowed",
            "UPDATE, CLOSED, refused",
            "CLOSE,  ACTIVE, allowed",
            "CLOSE,  CLOSED, refused"})
    void givenAStationInAState_whenACommandIsGiven_thenTheTableDecides(StationCommand command, Station.Status state,
            String outcome) {
        Station station = registered();
        if (state == Station.Status.CLOSED) {
            station.close("停用", NOW);
        }
        Runnable run = switch (command) {
            case UPDATE -> () -> station.update(definition("新名字", new GeoPoint(119.02, 33.58), WEEKDAYS), PATH, NOW);
            case CLOSE -> () -> station.close("停用", NOW);
        };

        assertThat(command.allowedIn(state)).isEqualTo(outcome.equals("allowed"));
        if (outcome.equals("allowed")) {
            run.run();
        } else {
            assertThatThrownBy(run::run).isInstanceOf(InvalidStateException.class).hasMessageContaining(command.name());
        }
    }

    @Test
    void givenWeekdayHours_whenAskedAtTheEdges_thenOpenFromOpensUntilJustBeforeCloses() {
        Station station = registered();

        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 3, 8, 29))).isFalse();
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 3, 8, 30))).isTrue();
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 3, 17, 29))).isTrue();
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 3, 17, 30))).isFalse();
        assertThat(station.isOpenAt(LocalDateTime.of(2026, 12, 5, 10, 0))).as("a Saturday").isFalse();
    }

    @Test
    void givenMalformedParts_whenDefined_thenEachIsRefusedNamingItsField() {
        assertThatThrownBy(() -> new GeoPoint(181, 33)).hasMessageContaining("point.lon");
        assertThatThrownBy(() -> new GeoPoint(119, -91)).hasMessageContaining("point.lat");
        assertThatThrownBy(() -> new OpeningPeriod(Set.of(), LocalTime.NOON, LocalTime.MIDNIGHT))
                .hasMessageContaining("hours.days");
        assertThatThrownBy(() -> new OpeningPeriod(Set.of(DayOfWeek.MONDAY), LocalTime.NOON, LocalTime.of(9, 0)))
                .hasMessageContaining("hours.closes");
        assertThatThrownBy(() -> new StationContact("驿站管理员", "13812341234"))
                .as("no personal mobile in public").hasMessageContaining("contact.dutyPhone");
        assertThatThrownBy(() -> new StationContact(" ", null)).hasMessageContaining("contact.role");
        assertThatThrownBy(() -> definition(" ", new GeoPoint(119, 33), WEEKDAYS)).hasMessageContaining("name");
        assertThatThrownBy(() -> definition("x", new GeoPoint(119, 33))).hasMessageContaining("hours");
    }

    /**
     * The nearest open stations against a brute force on random points: every station's distance by
     * another formula (the chord through the Earth), the open ones sorted, the first few compared.
     */
    @Test
    void givenRandomStationsAndPoints_whenTheNearestOpenAreAsked_thenTheyEqualABruteForceComputation() {
        Random random = new Random(20261203);
        for (int round = 0; round < 50; round++) {
            List<Station> stations = new ArrayList<>();
            int count = 1 + random.nextInt(120);
            for (int i = 0; i < count; i++) {
                GeoPoint point = new GeoPoint(118.9 + random.nextDouble() * 0.3, 33.45 + random.nextDouble() * 0.3);
                OpeningPeriod hours = random.nextInt(3) == 0 ? ALL_DAY : WEEKDAYS;
                Station station = Station.register(String.format("st-%03d", i), definition("站" + i, point, hours),
                        PATH, NOW).station();
                if (random.nextInt(10) == 0) {
                    station.close("停用", NOW);
                }
                stations.add(station);
            }
            GeoPoint from = new GeoPoint(118.85 + random.nextDouble() * 0.4, 33.4 + random.nextDouble() * 0.4);
            LocalDateTime at = LocalDateTime.of(2026, 12, 1 + random.nextInt(7), random.nextInt(24), random.nextInt(60));
            int limit = 1 + random.nextInt(8);

            List<NearestStations.Found> found = NearestStations.of(stations, from, at, limit, null);

            List<Station> expected = stations.stream()
                    .filter(s -> s.status() == Station.Status.ACTIVE)
                    .filter(s -> s.definition().hours().stream().anyMatch(p -> p.days().contains(at.getDayOfWeek())
                            && (p.opens().equals(LocalTime.MIDNIGHT) && p.closes().equals(LocalTime.MIDNIGHT)
                                    || !at.toLocalTime().isBefore(p.opens()) && at.toLocalTime().isBefore(p.closes()))))
                    .sorted(Comparator.comparingDouble((Station s) -> chordMetres(from, s.definition().point()))
                            .thenComparing(Station::code))
                    .limit(limit).toList();
            assertThat(found).as("round %d", round).hasSize(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                double metres = chordMetres(from, expected.get(i).definition().point());
                assertThat((double) found.get(i).distanceMetres()).as("round %d, place %d", round, i)
                        .isCloseTo(metres, org.assertj.core.data.Offset.offset(1.0));
                if (!found.get(i).station().code().equals(expected.get(i).code())) {
                    // Two stations within a metre of each other may change places by rounding; never more.
                    assertThat(Math.abs(chordMetres(from, found.get(i).station().definition().point()) - metres))
                            .isLessThan(1.0);
                }
            }
        }
    }

    @Test
    void givenStationsAndARadius_whenTheNearestAreAsked_thenNoneFartherThanTheRadiusComes() {
        Station near = Station.register("st-near", definition("近", new GeoPoint(119.0213, 33.5868), ALL_DAY), PATH, NOW)
                .station();
        Station far = Station.register("st-far", definition("远", new GeoPoint(119.0613, 33.5868), ALL_DAY), PATH, NOW)
                .station();

        List<NearestStations.Found> found = NearestStations.of(List.of(far, near), new GeoPoint(119.0213, 33.5878),
                LocalDateTime.of(2026, 12, 3, 3, 0), 5, 1000.0);

        assertThat(found).extracting(f -> f.station().code()).containsExactly("st-near");
        assertThat(found.get(0).distanceMetres()).isBetween(110L, 112L);
    }

    /** The straight chord through the Earth between two points, turned into the arc over the surface. */
    private static double chordMetres(GeoPoint a, GeoPoint b) {
        double[] p = unit(a);
        double[] q = unit(b);
        double chord = Math.sqrt(Math.pow(p[0] - q[0], 2) + Math.pow(p[1] - q[1], 2) + Math.pow(p[2] - q[2], 2));
        return 2 * GeoPoint.EARTH_RADIUS_METRES * Math.asin(chord / 2);
    }

    private static double[] unit(GeoPoint g) {
        double lat = Math.toRadians(g.latitude());
        double lon = Math.toRadians(g.longitude());
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }
}
