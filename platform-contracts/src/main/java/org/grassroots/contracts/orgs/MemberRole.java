package org.grassroots.contracts.orgs;

/**
 * The posts a party member holds in their unit and in the grid, as the seeds' districts name them.
 * {@code GRID_CHIEF} and {@code GRID_WORKER} are grid posts: a member holding one of them beside a
 * party post is a cross-appointment (交叉任职).
 */
public enum MemberRole {
    /** 书记 of the member's unit. */
    SECRETARY,
    /** 副书记. */
    DEPUTY_SECRETARY,
    /** 委员. */
    COMMITTEE_MEMBER,
    /** 党小组长, e.g. of a building group. */
    GROUP_LEADER,
    /** 网格长. */
    GRID_CHIEF,
    /** 专职网格员. */
    GRID_WORKER,
    /** 楼栋长. */
    BUILDING_LEADER,
    /** 党员中心户. */
    CENTRAL_HOUSEHOLD
}
