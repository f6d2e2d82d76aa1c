package org.grassroots.gridservice.buildings;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a building is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document(BuildingDocument.COLLECTION)
record BuildingDocument(@Id String id, String gridCode, String name, String orgPath, boolean occupied,
        Instant createdAt, Instant updatedAt, long version) {

    static final String COLLECTION = "buildings";

    static BuildingDocument of(Building building) {
        return new BuildingDocument(building.id(), building.gridCode(), building.name(), building.orgPath(),
                building.isOccupied(), building.createdAt(), building.updatedAt(), building.version());
    }

    Building toBuilding() {
        return new Building(id, gridCode, name, orgPath, occupied, version, createdAt, updatedAt);
    }
}
