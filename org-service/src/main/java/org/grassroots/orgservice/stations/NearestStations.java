package org.grassroots.orgservice.stations;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The nearest open stations to a point, measured in the application (the embedded store has no geo
 * queries): every candidate's great-circle distance, the open ones, closest first, ties by code.
 */
public final class NearestStations {

    /** A station and how far it is, in whole metres. */
    public record Found(Station station, long distanceMetres) {
    }

    private NearestStations() {
    }

    public static List<Found> of(Collection<Station> candidates, GeoPoint from, LocalDateTime localTime, int limit,
            Double withinMetres) {
        return candidates.stream()
                .filter(s -> s.isOpenAt(localTime))
                .map(s -> new Found(s, Math.round(from.metresTo(s.definition().point()))))
                .filter(f -> withinMetres == null || f.distanceMetres() <= withinMetres)
                .sorted(Comparator.comparingLong(Found::distanceMetres).thenComparing(f -> f.station().code()))
                .limit(limit)
                .toList();
    }
}
