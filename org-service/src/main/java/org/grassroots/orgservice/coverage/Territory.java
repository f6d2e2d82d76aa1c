package org.grassroots.orgservice.coverage;

import java.util.List;

/**
 * 应建尽建 against the real territory, per street and community: the level-1 grids (from grid-service)
 * without their grid party branch, the property companies, social organisations and co-building units
 * without a party organisation of their own or a linked one, and the occupied buildings (from
 * grid-service's households) without a building group.
 */
public record Territory(String code, String path, int grids, int gridsWithoutBranch, int partners,
        int partnersWithoutParty, List<Street> streets, int buildings, int buildingsWithoutGroup) {

    public record Street(String code, String name, List<Community> communities, int buildings,
            int buildingsWithoutGroup) {
    }

    public record Community(String code, String name, int grids, List<Gap> gridsWithoutBranch, int partners,
            List<Gap> partnersWithoutParty, int buildings, List<BuildingGap> buildingsWithoutGroup) {
    }

    /** One gap: the grid's or the partner's code and name (and, for a partner, its kind). */
    public record Gap(String code, String name, String kind) {
    }

    /** An occupied building no building group covers: its grid (code and, if known, name) and its name. */
    public record BuildingGap(String gridCode, String gridName, String building) {
    }
}
