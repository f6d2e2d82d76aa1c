package org.grassroots.orgservice.coverage;

import java.util.List;

/**
 * 应建尽建 against the real territory, per street and community: the level-1 grids (from grid-service)
 * without their grid party branch, and the property companies, social organisations and co-building
 * units without a party organisation of their own or a linked one.
 */
public record Territory(String code, String path, int grids, int gridsWithoutBranch, int partners,
        int partnersWithoutParty, List<Street> streets) {

    public record Street(String code, String name, List<Community> communities) {
    }

    public record Community(String code, String name, int grids, List<Gap> gridsWithoutBranch, int partners,
            List<Gap> partnersWithoutParty) {
    }

    /** One gap: the grid's or the partner's code and name (and, for a partner, its kind). */
    public record Gap(String code, String name, String kind) {
    }
}
