package org.grassroots.gridservice.households;

import java.util.Map;

import org.grassroots.gridservice.buildings.Building;
import org.grassroots.gridservice.buildings.Buildings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, the buildings are brought in line with the households: a store whose households
 * were registered before buildings were published gets one {@code building-occupied} per inhabited
 * building (so an existing deployment's coverage fills), and a change that crashed between the
 * household's write and its building's is finished. Idempotent: a building already in line publishes
 * nothing, so a second start, or a second replica starting at once, changes nothing.
 */
@Component
class BuildingsAtStart {

    private static final Logger log = LoggerFactory.getLogger(BuildingsAtStart.class);

    private final HouseholdRepository households;
    private final Buildings buildings;

    BuildingsAtStart(HouseholdRepository households, Buildings buildings) {
        this.households = households;
        this.buildings = buildings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        Map<String, String[]> inhabited = households.inhabitedBuildings();
        int changed = 0;
        for (String[] building : inhabited.values()) {
            if (settle(building[0], building[1], building[2])) {
                changed++;
            }
        }
        for (Building held : buildings.occupied()) {
            if (!inhabited.containsKey(held.id()) && settle(held.gridCode(), held.name(), held.orgPath())) {
                changed++;
            }
        }
        log.info("Buildings reconciled with households: {} inhabited, {} changed", inhabited.size(), changed);
    }

    private boolean settle(String gridCode, String building, String orgPath) {
        return buildings.settle(gridCode, building, orgPath, () -> households.inhabited(gridCode, building));
    }
}
