package org.grassroots.orgservice.stations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.grassroots.contracts.orgs.StationClosed;
import org.grassroots.contracts.orgs.StationEvent;
import org.grassroots.contracts.orgs.StationKind;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.security.Caller;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Service stations: kept by community, street and district staff for the units of their area (an
 * upsert by code), seen by everyone signed in (they are public places), closed for good with a reason.
 */
@Service
@EnableConfigurationProperties(DistrictSettings.class)
public class Stations {

    public static final int MAX_NEAREST = 50;

    private final StationRepository repository;
    private final UnitRepository units;
    private final DistrictSettings district;
    private final Clock clock;

    Stations(StationRepository repository, UnitRepository units, DistrictSettings district, Clock clock) {
        this.repository = repository;
        this.units = units;
        this.district = district;
        this.clock = clock;
    }

    public record Saved(Station station, Outcome outcome) {
    }

    /** Registers the station under this code, or brings it up to date. */
    public Saved save(String code, Station.Definition definition, Long expectedVersion, Caller caller) {
        OrgUnit.requireCode(code, "code");
        OrgUnit unit = units.find(definition.unitCode()).filter(u -> !u.retired())
                .filter(u -> OrgScope.maySee(caller, u.path()))
                .orElseThrow(() -> new InvalidFieldException("unitCode", "names no active unit in your area"));
        Instant now = clock.instant();
        var stored = repository.find(code);
        if (stored.isEmpty()) {
            OrgScope.requireEdit(caller, unit.path());
            Station.Registered registered = Station.register(code, definition, unit.path(), now);
            repository.add(registered.station(), registered.event());
            return new Saved(registered.station(), Outcome.CREATED);
        }
        Station station = stored.get();
        requireKeeper(station, caller);
        OrgScope.requireEdit(caller, unit.path());
        long readVersion = station.version();
        if (expectedVersion != null && expectedVersion != readVersion) {
            throw new VersionConflictException("Station", code, expectedVersion);
        }
        List<StationEvent> events = station.update(definition, unit.path(), now);
        if (events.isEmpty()) {
            return new Saved(station, Outcome.UNCHANGED);
        }
        repository.update(station, readVersion, events);
        return new Saved(station, Outcome.UPDATED);
    }

    public Station close(String code, String reason, Long expectedVersion, Caller caller) {
        Station station = get(code, caller);
        requireKeeper(station, caller);
        long readVersion = station.version();
        if (expectedVersion != null && expectedVersion != readVersion) {
            throw new VersionConflictException("Station", code, expectedVersion);
        }
        StationClosed closed = station.close(reason, clock.instant());
        repository.update(station, readVersion, List.of(closed));
        return station;
    }

    /** Anyone signed in sees a station. */
    public Station get(String code, Caller caller) {
        return repository.find(code).orElseThrow(() -> new NotFoundException("Station", code));
    }

    public List<Station> list(StationKind kind, String unitCode, String underPath, long skip, int limit) {
        return repository.list(kind, unitCode, underPath, skip, limit);
    }

    public long count(StationKind kind, String unitCode, String underPath) {
        return repository.count(kind, unitCode, underPath);
    }

    /** The nearest stations open at {@code at} (now when null), at most {@code limit}, optionally within a radius. */
    public List<NearestStations.Found> nearest(GeoPoint from, Instant at, int limit, Double withinMetres) {
        if (limit < 1 || limit > MAX_NEAREST) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_NEAREST);
        }
        if (withinMetres != null && !(withinMetres > 0)) {
            throw new InvalidFieldException("withinMetres", "must be more than 0");
        }
        LocalDateTime local = LocalDateTime.ofInstant(at == null ? clock.instant() : at, district.zone());
        return NearestStations.of(repository.active(), from, local, limit, withinMetres);
    }

    /** Only staff who may edit where the station is now kept change it; others do not learn more than a 403. */
    private static void requireKeeper(Station station, Caller caller) {
        OrgScope.requireEdit(caller, station.orgPath());
    }
}
