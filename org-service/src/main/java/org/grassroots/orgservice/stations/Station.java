package org.grassroots.orgservice.stations;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.grassroots.contracts.orgs.StationClosed;
import org.grassroots.contracts.orgs.StationEvent;
import org.grassroots.contracts.orgs.StationFacts;
import org.grassroots.contracts.orgs.StationKind;
import org.grassroots.contracts.orgs.StationRegistered;
import org.grassroots.contracts.orgs.StationUpdated;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A service station (服务阵地): 党群服务中心, 红色驿站, 暖心驿站 or 小哥驿站, run by an org unit, with its
 * place, opening hours, facilities from the catalogue and a contact by role. Its commands return the
 * events they produced and refuse, from {@link StationCommand}, what its state does not allow: a closed
 * station is kept for the record and changes no more.
 */
public final class Station {

    public enum Status { ACTIVE, CLOSED }

    /** What the keeper says a station is; checked on construction. */
    public record Definition(StationKind kind, String name, String unitCode, String address, GeoPoint point,
            List<OpeningPeriod> hours, Set<Facility> facilities, StationContact contact) {

        public Definition {
            if (kind == null) {
                throw new InvalidFieldException("kind", "is required");
            }
            if (name == null || name.isBlank() || name.strip().length() > 100) {
                throw new InvalidFieldException("name", "is required, at most 100 characters");
            }
            name = name.strip();
            if (unitCode == null || unitCode.isBlank()) {
                throw new InvalidFieldException("unitCode", "is required");
            }
            if (address == null || address.isBlank() || address.strip().length() > 200) {
                throw new InvalidFieldException("address", "is required, at most 200 characters");
            }
            address = address.strip();
            if (point == null) {
                throw new InvalidFieldException("point", "is required");
            }
            if (hours == null || hours.isEmpty()) {
                throw new InvalidFieldException("hours", "name at least one opening period");
            }
            hours = List.copyOf(hours);
            facilities = facilities == null || facilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(facilities));
            if (contact == null) {
                throw new InvalidFieldException("contact", "is required (a role and the station's duty line)");
            }
        }
    }

    /** A new station and the event that says so. */
    public record Registered(Station station, StationRegistered event) {
    }

    private final String code;
    private Definition definition;
    private String orgPath;
    private Status status;
    private String closeReason;
    private long version;

    private Station(String code, Definition definition, String orgPath, Status status, String closeReason, long version) {
        this.code = code;
        this.definition = definition;
        this.orgPath = orgPath;
        this.status = status;
        this.closeReason = closeReason;
        this.version = version;
    }

    /** Registers a station run by the unit at {@code orgPath}. */
    public static Registered register(String code, Definition definition, String orgPath, Instant now) {
        Station station = new Station(code, definition, orgPath, Status.ACTIVE, null, 1);
        return new Registered(station, new StationRegistered(code, 1, orgPath, now, station.facts()));
    }

    /** As stored. */
    public static Station restore(String code, Definition definition, String orgPath, Status status, String closeReason,
            long version) {
        return new Station(code, definition, orgPath, status, closeReason, version);
    }

    /** Brings the station up to this definition: no event when nothing changed. */
    public List<StationEvent> update(Definition changed, String newOrgPath, Instant now) {
        require(StationCommand.UPDATE);
        if (definition.equals(changed) && orgPath.equals(newOrgPath)) {
            return List.of();
        }
        definition = changed;
        orgPath = newOrgPath;
        version++;
        return List.of(new StationUpdated(code, version, orgPath, now, facts()));
    }

    /** Closes the station for good, with the reason kept. */
    public StationClosed close(String reason, Instant now) {
        require(StationCommand.CLOSE);
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "is required");
        }
        status = Status.CLOSED;
        closeReason = reason.strip();
        version++;
        return new StationClosed(code, version, orgPath, now, facts());
    }

    /** Whether it receives people at this local time of the district: active, and in one of its periods. */
    public boolean isOpenAt(LocalDateTime local) {
        return status == Status.ACTIVE && definition.hours().stream().anyMatch(period -> period.covers(local));
    }

    private void require(StationCommand command) {
        if (!command.allowedIn(status)) {
            throw new InvalidStateException("Station " + code + " is " + status + ": " + command + " is not allowed");
        }
    }

    public StationFacts facts() {
        return new StationFacts(code, definition.kind(), definition.name(), definition.unitCode(), orgPath,
                definition.point().longitude(), definition.point().latitude(),
                definition.facilities().stream().sorted(Comparator.naturalOrder()).map(Facility::name).toList(),
                status == Status.ACTIVE);
    }

    public String code() {
        return code;
    }

    public Definition definition() {
        return definition;
    }

    public String orgPath() {
        return orgPath;
    }

    public Status status() {
        return status;
    }

    public String closeReason() {
        return closeReason;
    }

    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Station s && s.code.equals(code) && s.version == version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(code, version);
    }
}
