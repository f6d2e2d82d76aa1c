package org.grassroots.gridservice.buildings;

import java.time.Clock;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.VersionConflictException;
import org.springframework.stereotype.Service;

/**
 * Keeps each building's occupation in line with the households: after a household is registered,
 * corrected to another address, moved out or removed, the households say whether its building still
 * has an active household, and {@link #settle} records (and publishes) the change if there is one.
 * Idempotent: a building already in the state asked for changes nothing and publishes nothing, so the
 * start-up reconciliation may run on every replica at every start.
 */
@Service
public class Buildings {

    private static final int ATTEMPTS = 5;

    private final BuildingRepository buildings;
    private final Clock clock;

    Buildings(BuildingRepository buildings, Clock clock) {
        this.buildings = buildings;
        this.clock = clock;
    }

    /**
     * Brings the building in line with {@code inhabited}, asked anew at each attempt: two replicas or two
     * requests settling the same building at once meet on its version, and the loser looks again.
     *
     * @return true if the building changed (and an event was stored for the relay)
     */
    public boolean settle(String gridCode, String name, String orgPath, BooleanSupplier inhabited) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String id = Building.idOf(gridCode, name);
        for (int attempt = 1; ; attempt++) {
            try {
                return settleOnce(id, gridCode, name, orgPath, inhabited.getAsBoolean());
            } catch (VersionConflictException | AlreadyExistsException raced) {
                if (attempt == ATTEMPTS) {
                    throw raced;
                }
            }
        }
    }

    private boolean settleOnce(String id, String gridCode, String name, String orgPath, boolean inhabited) {
        Building building = buildings.find(id).orElse(null);
        if (building == null) {
            if (!inhabited) {
                return false;
            }
            Building first = Building.firstOccupied(gridCode, name, orgPath, clock.instant());
            buildings.add(first, first.created());
            return true;
        }
        if (building.isOccupied() == inhabited) {
            return false;
        }
        long readVersion = building.version();
        List<IntegrationEvent> events = inhabited ? building.occupy(orgPath, clock.instant())
                : building.vacate(clock.instant());
        buildings.update(building, readVersion, events);
        return true;
    }

    /** The buildings held as occupied: what the start-up reconciliation checks against the households. */
    public List<Building> occupied() {
        return buildings.occupied();
    }
}
