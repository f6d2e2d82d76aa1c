package org.grassroots.orgservice.members;

import java.util.List;
import java.util.Map;

import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.OrgUnitType;

/**
 * Party members of a unit's subtree.
 *
 * @param total    everyone at or under the unit
 * @param direct   members of the unit itself
 * @param byStatus in service, retired, floating
 * @param byLevel  by the type of the unit they belong to (members per level)
 * @param children per child unit, each counting its own subtree
 */
public record MemberCounts(String code, String path, long total, long direct, Map<MemberStatus, Long> byStatus,
        Map<OrgUnitType, Long> byLevel, List<ChildCount> children) {

    public record ChildCount(String code, String name, OrgUnitType type, long total) {
    }
}
