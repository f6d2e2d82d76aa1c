package org.grassroots.orgservice.stations.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.grassroots.contracts.orgs.StationKind;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.orgservice.stations.Facility;
import org.grassroots.orgservice.stations.GeoPoint;
import org.grassroots.orgservice.stations.NearestStations;
import org.grassroots.orgservice.stations.OpeningPeriod;
import org.grassroots.orgservice.stations.Station;
import org.grassroots.orgservice.stations.StationContact;
import org.grassroots.orgservice.stations.Stations;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Service stations (党群服务中心, 红色驿站, 暖心驿站, 小哥驿站): the registry, and the nearest open ones to a
 * point. Read by anyone signed in (residents and couriers find them); kept by the staff of the unit's area.
 */
@RestController
@RequestMapping("/api/stations")
class StationController {

    private static final String KEEPERS = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final Stations stations;

    StationController(Stations stations) {
        this.stations = stations;
    }

    record PointBody(@NotNull Double lon, @NotNull Double lat) {
    }

    record PeriodBody(List<DayOfWeek> days, String opens, String closes) {

        OpeningPeriod period() {
            return new OpeningPeriod(days == null ? Set.of() : Set.copyOf(days), time(opens, "hours.opens"),
                    time(closes, "hours.closes"));
        }
    }

    record ContactBody(String role, String dutyPhone) {
    }

    record SaveStationRequest(
            @NotNull StationKind kind,
            @Size(max = 100) String name,
            String unitCode,
            @Size(max = 200) String address,
            @Valid PointBody point,
            List<PeriodBody> hours,
            List<Facility> facilities,
            ContactBody contact,
            Long version) {

        Station.Definition definition() {
            return new Station.Definition(kind, name, unitCode, address,
                    point == null ? null : new GeoPoint(point.lon(), point.lat()),
                    hours == null ? null : hours.stream().map(PeriodBody::period).toList(),
                    facilities == null ? Set.of() : Set.copyOf(facilities),
                    contact == null ? null : new StationContact(contact.role(), contact.dutyPhone()));
        }
    }

    record CloseRequest(String reason, Long version) {
    }

    record FacilityResponse(String code, String label) {
    }

    record PeriodResponse(List<DayOfWeek> days, String opens, String closes) {
    }

    record StationResponse(String code, StationKind kind, String name, String unitCode, String orgPath, String address,
            PointBody point, List<PeriodResponse> hours, List<FacilityResponse> facilities, ContactBody contact,
            Station.Status status, String closeReason, long version) {

        static StationResponse of(Station s) {
            Station.Definition d = s.definition();
            return new StationResponse(s.code(), d.kind(), d.name(), d.unitCode(), s.orgPath(), d.address(),
                    new PointBody(d.point().longitude(), d.point().latitude()),
                    d.hours().stream().map(p -> new PeriodResponse(p.days().stream().sorted().toList(),
                            p.opens().toString(), p.closes().toString())).toList(),
                    d.facilities().stream().sorted().map(f -> new FacilityResponse(f.name(), f.label())).toList(),
                    new ContactBody(d.contact().role(), d.contact().dutyPhone()), s.status(), s.closeReason(),
                    s.version());
        }
    }

    record NearestResponse(long distanceMetres, StationResponse station) {

        static NearestResponse of(NearestStations.Found found) {
            return new NearestResponse(found.distanceMetres(), StationResponse.of(found.station()));
        }
    }

    /** The facility catalogue (十有 / 八个一). */
    @GetMapping("/facilities")
    @PreAuthorize("isAuthenticated()")
    List<FacilityResponse> facilities() {
        return Arrays.stream(Facility.values()).map(f -> new FacilityResponse(f.name(), f.label())).toList();
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<StationResponse> list(@RequestParam(required = false) StationKind kind,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String underPath,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, 50);
        List<StationResponse> items = stations.list(kind, unitCode, underPath, paging.skip(), paging.size()).stream()
                .map(StationResponse::of).toList();
        return new Page<>(items, paging.page(), paging.size(), stations.count(kind, unitCode, underPath));
    }

    /** The nearest stations open at {@code at} (now by default), closest first, with their distance. */
    @GetMapping("/nearest")
    @PreAuthorize("isAuthenticated()")
    List<NearestResponse> nearest(@RequestParam(required = false) Double lon, @RequestParam(required = false) Double lat,
            @RequestParam(required = false) Integer limit, @RequestParam(required = false) Double withinMetres,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant at) {
        if (lon == null) {
            throw new InvalidFieldException("lon", "is required");
        }
        if (lat == null) {
            throw new InvalidFieldException("lat", "is required");
        }
        return stations.nearest(new GeoPoint(lon, lat), at, limit == null ? 5 : limit, withinMetres).stream()
                .map(NearestResponse::of).toList();
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    StationResponse get(@PathVariable String code, Caller caller) {
        return StationResponse.of(stations.get(code, caller));
    }

    /** Registers the station under this code, or brings it up to date: 201 when new, 200 otherwise. */
    @PutMapping("/{code}")
    @PreAuthorize(KEEPERS)
    ResponseEntity<StationResponse> save(@PathVariable String code, @Valid @RequestBody SaveStationRequest request,
            Caller caller) {
        Stations.Saved saved = stations.save(code, request.definition(), request.version(), caller);
        StationResponse body = StationResponse.of(saved.station());
        return saved.outcome() == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/stations/" + code)).body(body)
                : ResponseEntity.ok(body);
    }

    /** Closes the station for good; it stays listed as closed, with the reason. */
    @PostMapping("/{code}/close")
    @PreAuthorize(KEEPERS)
    StationResponse close(@PathVariable String code, @RequestBody CloseRequest request, Caller caller) {
        return StationResponse.of(stations.close(code, request.reason(), request.version(), caller));
    }

    private static LocalTime time(String text, String field) {
        if (text == null || !text.matches("\\d{2}:\\d{2}")) {
            throw new InvalidFieldException(field, "must be a time HH:mm");
        }
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a time HH:mm");
        }
    }
}
