package org.grassroots.orgservice.stations;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.grassroots.contracts.orgs.StationKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a station is stored: the point as GeoJSON (what a real MongoDB's 2dsphere index reads), the hours
 * as "HH:mm" text. The outbox array beside these fields belongs to the platform's relay.
 */
@Document(StationDocument.COLLECTION)
record StationDocument(@Id String code, StationKind kind, String name, String unitCode, String orgPath,
        String address, Point point, List<Period> hours, List<Facility> facilities, String contactRole,
        String dutyPhone, Station.Status status, String closeReason, long version) {

    static final String COLLECTION = "stations";

    /** A GeoJSON point: {@code {type: "Point", coordinates: [lon, lat]}}. */
    record Point(String type, List<Double> coordinates) {
    }

    record Period(List<DayOfWeek> days, String opens, String closes) {
    }

    static StationDocument of(Station s) {
        Station.Definition d = s.definition();
        return new StationDocument(s.code(), d.kind(), d.name(), d.unitCode(), s.orgPath(), d.address(),
                new Point("Point", List.of(d.point().longitude(), d.point().latitude())),
                d.hours().stream().map(p -> new Period(p.days().stream().sorted().toList(), p.opens().toString(),
                        p.closes().toString())).toList(),
                d.facilities().stream().sorted().toList(), d.contact().role(), d.contact().dutyPhone(), s.status(),
                s.closeReason(), s.version());
    }

    Station toStation() {
        Station.Definition d = new Station.Definition(kind, name, unitCode, address,
                new GeoPoint(point.coordinates().get(0), point.coordinates().get(1)),
                hours.stream().map(p -> new OpeningPeriod(Set.copyOf(p.days()), LocalTime.parse(p.opens()),
                        LocalTime.parse(p.closes()))).toList(),
                Set.copyOf(facilities), new StationContact(contactRole, dutyPhone));
        return Station.restore(code, d, orgPath, status, closeReason, version);
    }
}
