package org.grassroots.gridservice.buildings;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.BuildingOccupied;
import org.grassroots.contracts.grids.BuildingVacated;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A building (楼栋) of a grid as the territory knows it: named by the households living there (their
 * {@code building} field, e.g. 3幢), occupied while at least one active household lives in it. It holds
 * nothing about units, rooms or people; its events tell org-service's coverage which buildings a
 * building group (楼栋党小组) should cover. Each command returns the events it produced and refuses what
 * its state does not allow.
 */
public final class Building {

    private final String id;
    private final String gridCode;
    private final String name;
    private String orgPath;
    private boolean occupied;
    private long version;
    private final Instant createdAt;
    private Instant updatedAt;

    Building(String id, String gridCode, String name, String orgPath, boolean occupied, long version,
            Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.gridCode = gridCode;
        this.name = name;
        this.orgPath = orgPath;
        this.occupied = occupied;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** The building's id: its grid's code and its name, {@code 320812001001001:3幢} (grid codes are digits only). */
    public static String idOf(String gridCode, String name) {
        return gridCode + ":" + name;
    }

    /** A building first seen with an active household, at version 1, with the event of its first occupation. */
    static Building firstOccupied(String gridCode, String name, String orgPath, Instant now) {
        return new Building(idOf(gridCode, name), gridCode, name, orgPath, true, 1, now, now);
    }

    List<IntegrationEvent> created() {
        return List.of(occupiedEvent());
    }

    /** An active household lives here again after the building stood empty. */
    List<IntegrationEvent> occupy(String currentOrgPath, Instant now) {
        if (occupied) {
            throw new InvalidStateException("building " + id + " is occupied already");
        }
        occupied = true;
        orgPath = currentOrgPath;
        changed(now);
        return List.of(occupiedEvent());
    }

    /** The last active household left (moved out, removed, or corrected to another address). */
    List<IntegrationEvent> vacate(Instant now) {
        if (!occupied) {
            throw new InvalidStateException("building " + id + " is empty already");
        }
        occupied = false;
        changed(now);
        return List.of(new BuildingVacated(id, version, orgPath, now, gridCode, name));
    }

    private BuildingOccupied occupiedEvent() {
        return new BuildingOccupied(id, version, orgPath, updatedAt, gridCode, name);
    }

    private void changed(Instant now) {
        updatedAt = now;
        version++;
    }

    public String id() { return id; }
    public String gridCode() { return gridCode; }
    public String name() { return name; }
    public String orgPath() { return orgPath; }
    public boolean isOccupied() { return occupied; }
    public long version() { return version; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
