package org.grassroots.orgservice.units;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitRenamed;
import org.grassroots.contracts.orgs.OrgUnitRetired;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.store.ImportOutbox;
import org.grassroots.orgservice.units.TreeLock.PendingMove;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.stereotype.Service;

/**
 * The organisation tree's commands and queries, each checking the caller's scope: a unit outside
 * it answers 404 as if it did not exist; a visible unit the caller may not change answers 403.
 * Every change holds the {@link TreeLock}; see there why.
 */
@Service
public class OrgTree {

    private final UnitRepository units;
    private final TreeLock lock;
    private final UnitMembership members;
    private final Clock clock;
    private final TreeLock.Recovery recovery;

    OrgTree(UnitRepository units, TreeLock lock, UnitMembership members, ImportOutbox importOutbox, Clock clock) {
        this.units = units;
        this.lock = lock;
        this.members = members;
        this.clock = clock;
        this.recovery = new TreeLock.Recovery() {
            @Override
            public void finishMove(PendingMove move) {
                units.rewriteDescendants(move.from(), move.to());
            }

            @Override
            public void finishImport(String importId) {
                importOutbox.recover(importId);
            }
        };
    }

    public record NewUnit(String code, String name, OrgUnitType type, String parentCode, Integer expectedGrids) {
    }

    public OrgUnit create(NewUnit request, Caller caller) {
        if (request.parentCode() == null) {
            if (!caller.isPlatformAdmin()) {
                throw new InvalidFieldException("parentCode", "is required: only a platform administrator sets up a district");
            }
        }
        return changeTree(() -> {
            OrgUnit parent = null;
            if (request.parentCode() != null) {
                parent = units.find(request.parentCode()).filter(p -> OrgScope.maySee(caller, p.path()))
                        .orElseThrow(() -> new InvalidFieldException("parentCode", "is not a unit in your area"));
                OrgScope.requireEdit(caller, parent.path());
            }
            OrgUnit.requireCode(request.code(), "code");
            if (units.find(request.code()).isPresent()) {
                throw new AlreadyExistsException("Unit", request.code());
            }
            OrgUnit.Changed<OrgUnitCreated> created = OrgUnit.create(request.code(), request.name(), request.type(),
                    parent, request.expectedGrids(), clock.instant());
            units.insert(created.unit(), created.event());
            return created.unit();
        });
    }

    public OrgUnit get(String code, Caller caller) {
        OrgUnit unit = units.find(code).orElseThrow(() -> new NotFoundException("Unit", code));
        if (!OrgScope.maySee(caller, unit.path())) {
            throw new NotFoundException("Unit", code);
        }
        return unit;
    }

    public OrgUnit rename(String code, String name, Long expectedVersion, Caller caller) {
        return changeTree(() -> {
            OrgUnit unit = get(code, caller);
            OrgScope.requireEdit(caller, unit.path());
            requireVersion(unit, expectedVersion);
            OrgUnit.Changed<OrgUnitRenamed> renamed = unit.rename(name, clock.instant());
            units.update(renamed, unit.version());
            return renamed.unit();
        });
    }

    /** Retires a unit that no longer holds active units or members (撤销 comes after 转接). */
    public OrgUnit retire(String code, Long expectedVersion, Caller caller) {
        return changeTree(() -> {
            OrgUnit unit = get(code, caller);
            OrgScope.requireRestructure(caller, unit.path());
            requireVersion(unit, expectedVersion);
            if (units.hasActiveChildren(code)) {
                throw new InvalidStateException("Unit " + code + " still has active units under it; move or retire them first");
            }
            if (members.hasMembers(code)) {
                throw new InvalidStateException("Unit " + code + " still has members; transfer them first");
            }
            OrgUnit.Changed<OrgUnitRetired> retired = unit.retire(clock.instant());
            units.update(retired, unit.version());
            return retired.unit();
        });
    }

    /**
     * Moves a unit and its whole subtree under a new parent. The moved unit is stored with its
     * event first; then the descendants' paths are rewritten, recorded in the lock as a pending
     * move so that a crash in between is finished by the next change of the tree.
     */
    public OrgUnit move(String code, String newParentCode, Long expectedVersion, Caller caller) {
        return lock.hold(recovery, held -> {
            OrgUnit unit = get(code, caller);
            OrgScope.requireRestructure(caller, unit.path());
            requireVersion(unit, expectedVersion);
            if (newParentCode == null || newParentCode.isBlank()) {
                throw new InvalidFieldException("parentCode", "is required");
            }
            OrgUnit parent = units.find(newParentCode).filter(p -> OrgScope.maySee(caller, p.path()))
                    .orElseThrow(() -> new InvalidFieldException("parentCode", "is not a unit in your area"));
            OrgScope.requireEdit(caller, parent.path());
            if (parent.code().equals(unit.parentCode())) {
                return unit;
            }
            OrgUnit.Changed<OrgUnitMoved> moved = unit.moveUnder(parent, clock.instant());
            held.moving(new PendingMove(unit.path(), moved.unit().path()));
            units.update(moved, unit.version());
            units.rewriteDescendants(unit.path(), moved.unit().path());
            held.moved();
            return moved.unit();
        });
    }

    public List<OrgUnit> children(String code, Caller caller) {
        OrgUnit unit = get(code, caller);
        return units.children(unit.code());
    }

    /** The units under a unit, depth first by path, paged. */
    public Page<OrgUnit> subtree(String code, Paging paging, Caller caller) {
        OrgUnit unit = get(code, caller);
        return new Page<>(units.descendants(unit.path(), paging.skip(), paging.size()), paging.page(),
                paging.size(), units.countDescendants(unit.path()));
    }

    /** The ancestors from the root down, the ones above the caller's own area left out. */
    public List<OrgUnit> ancestors(String code, Caller caller) {
        OrgUnit unit = get(code, caller);
        List<String> codes = new ArrayList<>(Arrays.asList(unit.path().substring(1).split("/")));
        codes.remove(codes.size() - 1);
        Map<String, OrgUnit> found = units.findAll(codes).stream()
                .collect(Collectors.toMap(OrgUnit::code, Function.identity()));
        return codes.stream().map(found::get).filter(a -> a != null && OrgScope.maySee(caller, a.path())).toList();
    }

    public Page<OrgUnit> search(String text, OrgUnitType type, Paging paging, Caller caller) {
        if (!caller.isPlatformAdmin() && (caller.orgPath() == null || !OrgScope.maySee(caller, caller.orgPath()))) {
            return new Page<>(Collections.emptyList(), paging.page(), paging.size(), 0);
        }
        String scope = OrgScope.scopePath(caller);
        return new Page<>(units.search(text, type, scope, paging.skip(), paging.size()), paging.page(),
                paging.size(), units.countSearch(text, type, scope));
    }

    /** Runs a change of units holding the tree lock (finishing any move a crashed holder left). */
    public <T> T changeTree(Supplier<T> change) {
        return lock.hold(recovery, change);
    }

    public <T> T changeTree(Function<TreeLock.Held, T> change) {
        return lock.hold(recovery, change);
    }

    private static void requireVersion(OrgUnit unit, Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != unit.version()) {
            throw new VersionConflictException("Unit", unit.code(), expectedVersion);
        }
    }
}
