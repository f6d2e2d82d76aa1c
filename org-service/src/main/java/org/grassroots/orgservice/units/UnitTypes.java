package org.grassroots.orgservice.units;

import java.util.Map;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Which unit may sit under which: 区委 → 街道党工委 → 社区党委 → 网格党支部 → 楼栋党小组 → 党员中心户,
 * each strictly below the one before it (levels may be skipped, e.g. a branch directly under a
 * street's industry committee), and industry committees at community level under a district or street.
 * Only a district is a root.
 */
public final class UnitTypes {

    private static final Map<OrgUnitType, Integer> LEVEL = Map.of(
            OrgUnitType.DISTRICT, 0,
            OrgUnitType.STREET, 1,
            OrgUnitType.COMMUNITY, 2,
            OrgUnitType.INDUSTRY_COMMITTEE, 2,
            OrgUnitType.GRID_BRANCH, 3,
            OrgUnitType.BUILDING_GROUP, 4,
            OrgUnitType.CENTRAL_HOUSEHOLD, 5);

    private UnitTypes() {
    }

    static void requirePlacement(OrgUnitType type, OrgUnitType parentType, String parentField) {
        if (type == null) {
            throw new InvalidFieldException("type", "is required");
        }
        if (parentType == null) {
            if (type != OrgUnitType.DISTRICT) {
                throw new InvalidFieldException(parentField, "is required: only a district is a root");
            }
            return;
        }
        if (LEVEL.get(type) <= LEVEL.get(parentType)) {
            throw new InvalidFieldException(parentField,
                    "a " + type + " cannot be placed under a " + parentType);
        }
    }
}
