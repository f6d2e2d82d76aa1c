package org.grassroots.gridservice.households;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.gridservice.buildings.Building;
import org.grassroots.gridservice.buildings.Buildings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
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

    private final MongoTemplate mongo;
    private final Households households;
    private final Buildings buildings;

    BuildingsAtStart(MongoTemplate mongo, Households households, Buildings buildings) {
        this.mongo = mongo;
        this.households = households;
        this.buildings = buildings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reconcile() {
        Map<String, String[]> inhabited = new LinkedHashMap<>();
        Query all = new Query(where("building").exists(true));
        all.fields().include("gridCode").include("building").include("orgPath").include("status");
        mongo.find(all, org.bson.Document.class, "households").forEach(household -> {
            String status = household.getString("status");
            String building = household.getString("building");
            if ((status == null || HouseholdStatus.ACTIVE.name().equals(status)) && building != null
                    && !building.isBlank()) {
                String gridCode = household.getString("gridCode");
                inhabited.putIfAbsent(Building.idOf(gridCode, building),
                        new String[] {gridCode, building, household.getString("orgPath")});
            }
        });
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
