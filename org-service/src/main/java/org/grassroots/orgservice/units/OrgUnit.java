package org.grassroots.orgservice.units;

import java.time.Instant;
import java.util.regex.Pattern;

import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitFacts;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitRenamed;
import org.grassroots.contracts.orgs.OrgUnitRetired;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A party organisation unit in the tree. Its code is its id for life; its path is the codes from
 * the root down to itself, so "everything under a street" is one prefix query.
 *
 * <p>Each change returns the unit after it together with the event it produced; the unit itself
 * is immutable.
 *
 * @param expectedGrids for a community: how many grids grid-service's ledger says it has, when the
 *                      import said so; the coverage report compares its grid branches with it
 */
public record OrgUnit(String code, String name, OrgUnitType type, String parentCode, String path, boolean retired,
        Integer expectedGrids, long version) {

    /** Lower-case letters, digits and dashes: codes become path segments, Kafka keys and claims. */
    public static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static final int MAX_NAME = 100;

    /** A unit and the event its change produced. */
    public record Changed<E>(OrgUnit unit, E event) {
    }

    /** Sets up a unit under {@code parent}, or a root (a district) when parent is null. */
    public static Changed<OrgUnitCreated> create(String code, String name, OrgUnitType type, OrgUnit parent,
            Integer expectedGrids, Instant now) {
        requireCode(code, "code");
        String cleanName = requireName(name);
        if (expectedGrids != null && expectedGrids < 0) {
            throw new InvalidFieldException("expectedGrids", "must not be negative");
        }
        UnitTypes.requirePlacement(type, parent == null ? null : parent.type(), "parentCode");
        if (parent != null && parent.retired()) {
            throw new InvalidFieldException("parentCode", "is retired; nothing new may be placed under it");
        }
        String path = parent == null ? "/" + code : parent.path() + "/" + code;
        OrgUnit unit = new OrgUnit(code, cleanName, type, parent == null ? null : parent.code(), path, false,
                expectedGrids, 1);
        return new Changed<>(unit, new OrgUnitCreated(code, 1, path, now, unit.facts()));
    }

    public Changed<OrgUnitRenamed> rename(String newName, Instant now) {
        requireActive();
        OrgUnit renamed = new OrgUnit(code, requireName(newName), type, parentCode, path, false, expectedGrids,
                version + 1);
        return new Changed<>(renamed, new OrgUnitRenamed(code, renamed.version, path, now, renamed.facts()));
    }

    /** Records how many grids the community has (from grid-service's ledger); no event: no consumer needs it. */
    public OrgUnit withExpectedGrids(Integer grids) {
        if (grids != null && grids < 0) {
            throw new InvalidFieldException("expectedGrids", "must not be negative");
        }
        return new OrgUnit(code, name, type, parentCode, path, retired, grids, version + 1);
    }

    /** Retires the unit; the caller has checked it holds no active units or members any more. */
    public Changed<OrgUnitRetired> retire(Instant now) {
        requireActive();
        OrgUnit retiredUnit = new OrgUnit(code, name, type, parentCode, path, true, expectedGrids, version + 1);
        return new Changed<>(retiredUnit, new OrgUnitRetired(code, retiredUnit.version, path, now, retiredUnit.facts()));
    }

    /**
     * Moves this unit (and so its subtree) under {@code newParent}. Refused when the new parent is
     * the unit itself or lies in its subtree: that would cut the subtree off the tree in a cycle.
     */
    public Changed<OrgUnitMoved> moveUnder(OrgUnit newParent, Instant now) {
        requireActive();
        if (parentCode == null) {
            throw new InvalidStateException("The root unit " + code + " cannot be moved");
        }
        if (newParent.code().equals(code) || newParent.isIn(path)) {
            throw new InvalidFieldException("parentCode",
                    newParent.code() + " lies in the subtree of " + code + "; a unit cannot move under itself");
        }
        if (newParent.retired()) {
            throw new InvalidFieldException("parentCode", "is retired; nothing may be moved under it");
        }
        UnitTypes.requirePlacement(type, newParent.type(), "parentCode");
        String newPath = newParent.path() + "/" + code;
        OrgUnit moved = new OrgUnit(code, name, type, newParent.code(), newPath, false, expectedGrids, version + 1);
        return new Changed<>(moved, new OrgUnitMoved(code, moved.version, newPath, now, moved.facts(), path));
    }

    /** True when this unit lies strictly under the unit at {@code ancestorPath}. */
    public boolean isIn(String ancestorPath) {
        return path.startsWith(ancestorPath + "/");
    }

    public OrgUnitFacts facts() {
        return new OrgUnitFacts(code, name, type, parentCode, path, retired);
    }

    private void requireActive() {
        if (retired) {
            throw new InvalidStateException("Unit " + code + " is retired");
        }
    }

    public static void requireCode(String code, String field) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidFieldException(field, "must be 1-63 lower-case letters, digits or dashes, e.g. qjp-pulou-chengnan");
        }
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidFieldException("name", "is required");
        }
        String clean = name.strip();
        if (clean.length() > MAX_NAME) {
            throw new InvalidFieldException("name", "must be at most " + MAX_NAME + " characters");
        }
        return clean;
    }
}
