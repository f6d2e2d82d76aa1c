package org.grassroots.contracts.orgs;

/**
 * An organisation unit as it stands after the event that carries it.
 *
 * <p>A unit's {@code code} is its id: stable for its whole life (renames and moves keep it) and
 * unique in the tree. The materialised {@code path} is the codes from the root down to the unit,
 * e.g. {@code /qjp/qjp-pulou/qjp-pulou-chengnan}; it is the {@code org_path} claim of the people
 * who work there and the {@code orgPath} of every event about their area.
 *
 * @param code       the unit's code, e.g. {@code qjp-pulou-chengnan}
 * @param name       the display name, e.g. 城南社区党委
 * @param type       what kind of unit it is
 * @param parentCode the parent's code, or null for a root (the district)
 * @param path       the materialised path, ending with this unit's code
 * @param retired    whether the unit has been retired (撤销); retired units keep their history
 */
public record OrgUnitFacts(String code, String name, OrgUnitType type, String parentCode, String path,
        boolean retired) {

    public OrgUnitFacts {
        Require.text(code, "code");
        Require.text(name, "name");
        Require.present(type, "type");
        Require.text(path, "path");
        if (!path.equals("/" + code) && !path.endsWith("/" + code)) {
            throw new IllegalArgumentException("path " + path + " must end with the unit's code " + code);
        }
    }
}
