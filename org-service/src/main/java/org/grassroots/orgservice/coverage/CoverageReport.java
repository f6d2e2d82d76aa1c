package org.grassroots.orgservice.coverage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.members.MemberRepository;
import org.grassroots.orgservice.members.PartyMember;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * 应建尽建: where party organisation lags behind the grids. Grids belong to grid-service, so
 * org-service cannot see a grid directly; it compares each community's active grid branches with
 * the number of grids declared for it ({@code expectedGrids}, set by the import from grid-service's
 * ledger). A community without that number is listed separately rather than guessed. Branches
 * without a secretary or without members, members per level and cross-appointments come from
 * org-service's own data.
 */
@Service
public class CoverageReport {

    private static final Set<MemberRole> GRID_POSTS = Set.of(MemberRole.GRID_CHIEF, MemberRole.GRID_WORKER);
    private static final Set<MemberRole> PARTY_POSTS = Set.of(MemberRole.SECRETARY, MemberRole.DEPUTY_SECRETARY,
            MemberRole.COMMITTEE_MEMBER);

    private final OrgTree tree;
    private final UnitRepository units;
    private final MemberRepository members;

    CoverageReport(OrgTree tree, UnitRepository units, MemberRepository members) {
        this.tree = tree;
        this.units = units;
        this.members = members;
    }

    public Coverage of(String code, Caller caller) {
        OrgUnit root = tree.get(code, caller);
        List<OrgUnit> subtree = units.subtree(root.path(), null).stream().filter(u -> !u.retired())
                .sorted(Comparator.comparing(OrgUnit::path)).toList();
        Map<String, OrgUnit> byCode = new HashMap<>();
        subtree.forEach(u -> byCode.put(u.code(), u));
        List<PartyMember> people = members.postsInUnits(byCode.keySet());

        Map<String, Integer> branchesPerCommunity = new HashMap<>();
        subtree.stream().filter(u -> u.type() == OrgUnitType.GRID_BRANCH && u.parentCode() != null)
                .forEach(b -> branchesPerCommunity.merge(b.parentCode(), 1, Integer::sum));

        List<Coverage.CommunityShortfall> shortfalls = new ArrayList<>();
        List<String> uncounted = new ArrayList<>();
        int communities = 0;
        int expected = 0;
        for (OrgUnit unit : subtree) {
            if (unit.type() != OrgUnitType.COMMUNITY) {
                continue;
            }
            communities++;
            int branches = branchesPerCommunity.getOrDefault(unit.code(), 0);
            if (unit.expectedGrids() == null) {
                uncounted.add(unit.code());
            } else {
                expected += unit.expectedGrids();
                if (branches < unit.expectedGrids()) {
                    shortfalls.add(new Coverage.CommunityShortfall(unit.code(), unit.name(), unit.expectedGrids(),
                            branches));
                }
            }
        }

        Set<String> withSecretary = new HashSet<>();
        Set<String> withMembers = new HashSet<>();
        Map<OrgUnitType, Long> perLevel = new EnumMap<>(OrgUnitType.class);
        List<Coverage.CrossAppointment> cross = new ArrayList<>();
        for (PartyMember member : people) {
            withMembers.add(member.unitCode());
            if (member.status() == MemberStatus.IN_SERVICE && member.roles().contains(MemberRole.SECRETARY)) {
                withSecretary.add(member.unitCode());
            }
            OrgUnit unit = byCode.get(member.unitCode());
            if (unit != null) {
                perLevel.merge(unit.type(), 1L, Long::sum);
            }
            if (member.roles().stream().anyMatch(GRID_POSTS::contains)
                    && member.roles().stream().anyMatch(PARTY_POSTS::contains)) {
                cross.add(new Coverage.CrossAppointment(member.id(), member.unitCode(), member.roles()));
            }
        }
        cross.sort(Comparator.comparing(Coverage.CrossAppointment::unitCode)
                .thenComparing(Coverage.CrossAppointment::memberId));
        List<OrgUnit> branches = subtree.stream().filter(u -> u.type() == OrgUnitType.GRID_BRANCH).toList();
        return new Coverage(root.code(), root.path(), communities, branches.size(), expected, shortfalls, uncounted,
                branches.stream().map(OrgUnit::code).filter(b -> !withSecretary.contains(b)).toList(),
                branches.stream().map(OrgUnit::code).filter(b -> !withMembers.contains(b)).toList(),
                perLevel, cross);
    }
}
