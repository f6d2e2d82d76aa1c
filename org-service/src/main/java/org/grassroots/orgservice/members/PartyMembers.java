package org.grassroots.orgservice.members;

import java.time.Clock;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.grassroots.contracts.orgs.MemberJoined;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.MemberTransferred;
import org.grassroots.contracts.orgs.MemberUpdated;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Party members: registration, profile, transfers and counts. Staff see the members of units in
 * their area (404 otherwise) and change them if they are editors there (403 otherwise); a member
 * sees their own profile through their linked account.
 */
@Service
public class PartyMembers {

    /** Member ids: the platform's UUIDs or a district's own member numbers (党员编号). */
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");

    private final MemberRepository members;
    private final UnitRepository units;
    private final OrgTree tree;
    private final Clock clock;

    PartyMembers(MemberRepository members, UnitRepository units, OrgTree tree, Clock clock) {
        this.members = members;
        this.units = units;
        this.tree = tree;
        this.clock = clock;
    }

    /** A member and the path of their unit, which decides who may see them. */
    public record Placed(PartyMember member, String unitPath) {
    }

    public Placed register(String requestedId, PartyMember.Profile profile, String unitCode, Caller caller) {
        String id = requestedId == null || requestedId.isBlank() ? UUID.randomUUID().toString() : requestedId.strip();
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "must be 1-64 letters, digits or dashes");
        }
        OrgUnit unit = unitInScope(unitCode, "unitCode", caller);
        OrgScope.requireEdit(caller, unit.path());
        if (unit.retired()) {
            throw new InvalidFieldException("unitCode", "is retired");
        }
        if (members.find(id).isPresent()) {
            throw new AlreadyExistsException("Member", id);
        }
        PartyMember member = PartyMember.register(id, profile, unit.code());
        members.insert(member, new MemberJoined(id, 1, unit.path(), clock.instant(), member.facts(unit.path())));
        return new Placed(member, unit.path());
    }

    public Placed get(String id, Caller caller) {
        PartyMember member = members.find(id).orElseThrow(() -> new NotFoundException("Member", id));
        String path = pathOf(member.unitCode());
        boolean self = member.userId() != null && caller.isSubject(member.userId());
        if (!self && !OrgScope.maySee(caller, path)) {
            throw new NotFoundException("Member", id);
        }
        return new Placed(member, path);
    }

    /** The caller's own member profile, found by their account. */
    public Placed mine(Caller caller) {
        PartyMember member = members.findByUserId(caller.userId())
                .orElseThrow(() -> new NotFoundException("Member with account", caller.userId()));
        return new Placed(member, pathOf(member.unitCode()));
    }

    public Placed update(String id, PartyMember.Profile profile, Long expectedVersion, Caller caller) {
        Placed placed = get(id, caller);
        OrgScope.requireEdit(caller, placed.unitPath());
        PartyMember member = placed.member();
        requireVersion(member, expectedVersion);
        if (member.sameProfile(profile)) {
            return placed;
        }
        PartyMember updated = member.update(profile);
        members.update(updated, member.version(), new MemberUpdated(id, updated.version(), placed.unitPath(),
                clock.instant(), updated.facts(placed.unitPath())));
        return new Placed(updated, placed.unitPath());
    }

    /** Moves a member's organisational relationship to another unit of the caller's area, keeping history. */
    public Placed transfer(String id, String toUnitCode, String reason, Long expectedVersion, Caller caller) {
        Placed placed = get(id, caller);
        OrgScope.requireEdit(caller, placed.unitPath());
        PartyMember member = placed.member();
        requireVersion(member, expectedVersion);
        OrgUnit target = unitInScope(toUnitCode, "toUnitCode", caller);
        OrgScope.requireEdit(caller, target.path());
        if (target.retired()) {
            throw new InvalidFieldException("toUnitCode", "is retired");
        }
        PartyMember transferred = member.transferTo(target.code(), new Transfer(member.unitCode(), target.code(),
                clock.instant(), reason == null || reason.isBlank() ? null : reason.strip(), caller.userId()));
        members.update(transferred, member.version(), new MemberTransferred(id, transferred.version(), target.path(),
                clock.instant(), transferred.facts(target.path()), member.unitCode(), placed.unitPath()));
        return new Placed(transferred, target.path());
    }

    /** The members of a unit, or of its whole subtree, paged. */
    public Page<Placed> list(String unitCode, boolean subtree, Paging paging, Caller caller) {
        if (unitCode == null || unitCode.isBlank()) {
            throw new InvalidFieldException("unitCode", "is required");
        }
        OrgUnit unit = tree.get(unitCode, caller);
        Map<String, String> paths = new LinkedHashMap<>();
        if (subtree) {
            units.subtree(unit.path(), null).forEach(u -> paths.put(u.code(), u.path()));
        } else {
            paths.put(unit.code(), unit.path());
        }
        List<Placed> page = members.inUnits(paths.keySet(), paging.skip(), paging.size()).stream()
                .map(m -> new Placed(m, paths.get(m.unitCode()))).toList();
        return new Page<>(page, paging.page(), paging.size(), members.countInUnits(paths.keySet()));
    }

    /** Member counts for a unit's subtree: in total, by status, by level (unit type) and per child unit. */
    public MemberCounts counts(String unitCode, Caller caller) {
        OrgUnit root = tree.get(unitCode, caller);
        List<OrgUnit> subtree = units.subtree(root.path(), null);
        Map<String, Map<MemberStatus, Long>> perUnit = members.countByUnitAndStatus(
                subtree.stream().map(OrgUnit::code).toList());
        Map<MemberStatus, Long> byStatus = new EnumMap<>(MemberStatus.class);
        Map<OrgUnitType, Long> byLevel = new EnumMap<>(OrgUnitType.class);
        Map<String, Long> perChild = new LinkedHashMap<>();
        Map<String, OrgUnit> children = new LinkedHashMap<>();
        subtree.stream().filter(u -> root.code().equals(u.parentCode()))
                .sorted(Comparator.comparing(OrgUnit::code))
                .forEach(child -> {
                    children.put(child.code(), child);
                    perChild.put(child.code(), 0L);
                });
        long direct = 0;
        for (OrgUnit unit : subtree) {
            Map<MemberStatus, Long> statuses = perUnit.getOrDefault(unit.code(), Map.of());
            long total = statuses.values().stream().mapToLong(Long::longValue).sum();
            statuses.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
            if (total > 0) {
                byLevel.merge(unit.type(), total, Long::sum);
            }
            if (unit.code().equals(root.code())) {
                direct = total;
            } else {
                String child = unit.path().substring(root.path().length() + 1).split("/")[0];
                perChild.merge(child, total, Long::sum);
            }
        }
        long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
        List<MemberCounts.ChildCount> childCounts = perChild.entrySet().stream()
                .map(e -> new MemberCounts.ChildCount(e.getKey(), children.get(e.getKey()).name(),
                        children.get(e.getKey()).type(), e.getValue()))
                .toList();
        return new MemberCounts(root.code(), root.path(), all, direct, byStatus, byLevel, childCounts);
    }

    /**
     * Whether the caller sees the member's phone in full: the member themself, and community staff
     * of the member's area (who organise and ring them). Everyone else gets 138****1234.
     */
    public static boolean maySeePhone(Placed placed, Caller caller) {
        PartyMember member = placed.member();
        if (member.userId() != null && caller.isSubject(member.userId())) {
            return true;
        }
        return caller.hasRole(Roles.COMMUNITY_STAFF) && caller.maySeeOrgPath(placed.unitPath());
    }

    private OrgUnit unitInScope(String code, String field, Caller caller) {
        if (code == null || code.isBlank()) {
            throw new InvalidFieldException(field, "is required");
        }
        return units.find(code).filter(u -> OrgScope.maySee(caller, u.path()))
                .orElseThrow(() -> new InvalidFieldException(field, "is not a unit in your area"));
    }

    private String pathOf(String unitCode) {
        return units.find(unitCode).map(OrgUnit::path)
                .orElseThrow(() -> new IllegalStateException("member of a unit that does not exist: " + unitCode));
    }

    private static void requireVersion(PartyMember member, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != member.version()) {
            throw new VersionConflictException("Member", member.id(), expectedVersion);
        }
    }
}
