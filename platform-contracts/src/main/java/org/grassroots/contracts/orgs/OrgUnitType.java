package org.grassroots.contracts.orgs;

/**
 * The kinds of party organisation in the tree 区委 → 街道党工委 → 社区党委 → 网格党支部 → 楼栋党小组 →
 * 党员中心户, plus the industry party committees (外卖, 快递, 网约车, 网络主播, 货运) that hang off a
 * district or street.
 */
public enum OrgUnitType {
    DISTRICT,
    STREET,
    COMMUNITY,
    GRID_BRANCH,
    BUILDING_GROUP,
    CENTRAL_HOUSEHOLD,
    INDUSTRY_COMMITTEE
}
