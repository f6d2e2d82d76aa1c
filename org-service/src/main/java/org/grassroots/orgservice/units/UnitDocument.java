package org.grassroots.orgservice.units;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How a unit is stored; the outbox array beside these fields belongs to the platform's relay.
 * The path index serves every subtree query (an anchored prefix regex).
 */
@Document(UnitDocument.COLLECTION)
record UnitDocument(
        @Id String code,
        String name,
        OrgUnitType type,
        String parentCode,
        String path,
        boolean retired,
        Integer expectedGrids,
        long version) {

    static final String COLLECTION = "units";

    static UnitDocument of(OrgUnit unit) {
        return new UnitDocument(unit.code(), unit.name(), unit.type(), unit.parentCode(), unit.path(), unit.retired(),
                unit.expectedGrids(), unit.version());
    }

    OrgUnit toUnit() {
        return new OrgUnit(code, name, type, parentCode, path, retired, expectedGrids, version);
    }
}
