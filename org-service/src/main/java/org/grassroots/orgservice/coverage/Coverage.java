package org.grassroots.orgservice.coverage;

import java.util.List;
import java.util.Map;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.OrgUnitType;

/**
 * The 应建尽建 report for a unit's subtree.
 *
 * @param communitiesShortOfBranches communities with fewer grid branches than the grids their
 *                                   import declared ({@code expectedGrids}); one without a declared
 *                                   count is listed in {@code communitiesWithoutGridCount} instead
 * @param branchesWithoutSecretary   grid branches with no in-service member holding SECRETARY
 * @param branchesWithoutMembers     grid branches with no member at all
 * @param membersPerLevel            members by the type of the unit they belong to
 * @param crossAppointments          members holding a grid post (GRID_CHIEF, GRID_WORKER) beside a
 *                                   party post (SECRETARY, DEPUTY_SECRETARY, COMMITTEE_MEMBER)
 */
public record Coverage(String code, String path, int communities, int gridBranches, int expectedGrids,
        List<CommunityShortfall> communitiesShortOfBranches, List<String> communitiesWithoutGridCount,
        List<String> branchesWithoutSecretary, List<String> branchesWithoutMembers,
        Map<OrgUnitType, Long> membersPerLevel, List<CrossAppointment> crossAppointments) {

    public record CommunityShortfall(String code, String name, int expectedGrids, int gridBranches) {
    }

    public record CrossAppointment(String memberId, String unitCode, List<MemberRole> roles) {
    }
}
