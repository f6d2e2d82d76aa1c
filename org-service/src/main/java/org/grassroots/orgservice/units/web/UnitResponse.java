package org.grassroots.orgservice.units.web;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.units.OrgUnit;

public record UnitResponse(String code, String name, OrgUnitType type, String parentCode, String path,
        boolean retired, Integer expectedGrids, long version) {

    public static UnitResponse of(OrgUnit unit) {
        return new UnitResponse(unit.code(), unit.name(), unit.type(), unit.parentCode(), unit.path(), unit.retired(),
                unit.expectedGrids(), unit.version());
    }
}
