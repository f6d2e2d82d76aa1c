package org.grassroots.contracts.grids;

/**
 * A grid as it stands after the event that carries it.
 *
 * @param code        15 digits (administrative code 6 + street 3 + community 3 + grid 3), a micro-grid adds 2
 * @param name        e.g. 城南社区第一网格
 * @param level       the grid's level
 * @param parentCode  the enclosing grid, null for a level-1 grid
 * @param communityId the community org unit's code, e.g. {@code qjp-pulou-chengnan}
 * @param streetId    the street org unit's code (the community's parent), e.g. {@code qjp-pulou}
 * @param orgPath     the community's org path
 * @param retired     whether the grid was retired
 */
public record GridFacts(String code, String name, GridLevel level, String parentCode, String communityId,
        String streetId, String orgPath, boolean retired) {

    public GridFacts {
        Require.text(code, "code");
        Require.text(name, "name");
        Require.present(level, "level");
        Require.text(communityId, "communityId");
        Require.text(orgPath, "orgPath");
    }
}
