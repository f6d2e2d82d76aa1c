package org.grassroots.orgservice.imports;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.orgs.MemberJoined;
import org.grassroots.contracts.orgs.MemberTransferred;
import org.grassroots.contracts.orgs.MemberUpdated;
import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.OrgUnitRenamed;
import org.grassroots.contracts.orgs.PartyMemberEvent;
import org.grassroots.orgservice.departments.Department;
import org.grassroots.orgservice.departments.Departments;
import org.grassroots.orgservice.imports.ImportReport.Tally;
import org.grassroots.orgservice.imports.ImportRequest.DepartmentRow;
import org.grassroots.orgservice.imports.ImportRequest.MemberRow;
import org.grassroots.orgservice.imports.ImportRequest.PartnerRow;
import org.grassroots.orgservice.imports.ImportRequest.UnitRow;
import org.grassroots.orgservice.members.MemberRepository;
import org.grassroots.orgservice.members.PartyMember;
import org.grassroots.orgservice.members.PartyMembers;
import org.grassroots.orgservice.members.Transfer;
import org.grassroots.orgservice.partners.Partner;
import org.grassroots.orgservice.partners.Partners;
import org.grassroots.orgservice.scope.OrgScope;
import org.grassroots.orgservice.store.ImportOutbox;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.UnitRepository;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads a whole district in one call, idempotently: each unit, member, department and partner
 * is created when new, brought up to date when it differs, and left alone when it is the same, so
 * a second import of the same data writes nothing and publishes nothing.
 *
 * <p>Units and members are checked completely before anything is written: a 400 lists every
 * invalid row (up to 50) and leaves the store as it was. New units and members are written in
 * batches, and their events packed a few hundred to a document ({@link ImportOutbox}, which says
 * how that stays exact without transactions). The import holds the tree lock throughout.
 *
 * <p>An import never moves or retires: a unit already in the tree under another parent, or of
 * another type, is an error naming the row (moving is {@code POST /api/orgs/{code}/move}).
 */
@Service
public class OrgImport {

    private static final Logger log = LoggerFactory.getLogger(OrgImport.class);
    private static final int MAX_ERRORS = 50;

    private final OrgTree tree;
    private final UnitRepository units;
    private final MemberRepository members;
    private final Departments departments;
    private final Partners partners;
    private final ImportOutbox importOutbox;
    private final Clock clock;

    OrgImport(OrgTree tree, UnitRepository units, MemberRepository members, Departments departments,
            Partners partners, ImportOutbox importOutbox, Clock clock) {
        this.importOutbox = importOutbox;
        this.tree = tree;
        this.units = units;
        this.members = members;
        this.departments = departments;
        this.partners = partners;
        this.clock = clock;
    }

    public ImportReport load(ImportRequest request, Caller caller) {
        if (!OrgScope.isAdmin(caller)) {
            throw new ForbiddenException("Imports are run by district and platform administrators");
        }
        long started = System.nanoTime();
        ImportReport report = tree.changeTree(held -> {
            Instant now = clock.instant();
            Map<String, OrgUnit> tree = units.all().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
            UnitPlan unitPlan = planUnits(request.units(), tree, now, caller);
            MemberPlan memberPlan = planMembers(request.members(), unitPlan.after(), now, caller);
            if (!unitPlan.errors().isEmpty() || !memberPlan.errors().isEmpty()) {
                List<FieldError> errors = new ArrayList<>(unitPlan.errors());
                errors.addAll(memberPlan.errors());
                throw new InvalidFieldException(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
            }
            String importId = UUID.randomUUID().toString();
            List<IntegrationEvent> newEvents = new ArrayList<>();
            unitPlan.created().forEach(c -> newEvents.add(c.event()));
            memberPlan.created().forEach(r -> newEvents.add(r.event()));
            long planned = System.nanoTime();
            held.importing(importId);
            importOutbox.hold(importId, newEvents);
            try {
                units.insertAll(unitPlan.created().stream().map(OrgUnit.Changed::unit).toList());
                unitPlan.updated().forEach(update -> {
                    if (update.event() == null) {
                        units.updateQuietly(update.unit(), update.readVersion());
                    } else {
                        units.update(new OrgUnit.Changed<>(update.unit(), update.event()), update.readVersion());
                    }
                });
                held.renew();
                members.insertAll(memberPlan.created().stream().map(MemberRepository.Registered::member).toList());
                memberPlan.updated().forEach(u -> members.update(u.member(), u.readVersion(), u.events()));
            } catch (RuntimeException failed) {
                // Publish what was stored, drop the rest, so the next import starts clean.
                importOutbox.recover(importId);
                held.imported();
                throw failed;
            }
            importOutbox.release(importId);
            held.imported();
            log.info("Import {}: planned in {} ms, {} new units and members with {} events written in {} ms", importId,
                    (planned - started) / 1_000_000, newEvents.size(), newEvents.size(),
                    (System.nanoTime() - planned) / 1_000_000);
            held.renew();
            Tally departmentTally = saveDepartments(request.departments(), caller);
            Tally partnerTally = savePartners(request.partners(), caller);
            return new ImportReport(unitPlan.tally(), memberPlan.tally(), departmentTally, partnerTally, 0);
        });
        long took = (System.nanoTime() - started) / 1_000_000;
        log.info("Import: units {}, members {}, departments {}, partners {} in {} ms", report.units(),
                report.members(), report.departments(), report.partners(), took);
        return new ImportReport(report.units(), report.members(), report.departments(), report.partners(), took);
    }

    /** Units from CSV (see {@link CsvUnits}). */
    public List<UnitRow> parseCsvUnits(String csv) {
        return CsvUnits.parse(csv);
    }

    private record UnitUpdate(OrgUnit unit, long readVersion, OrgUnitRenamed event) {
    }

    private record UnitPlan(List<OrgUnit.Changed<? extends OrgUnitEvent>> created, List<UnitUpdate> updated,
            Map<String, OrgUnit> after, Tally tally, List<FieldError> errors) {
    }

    /** Works out, without writing, what each unit row means against the tree as it stands. */
    private UnitPlan planUnits(List<UnitRow> rows, Map<String, OrgUnit> existing, Instant now,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            UnitRow row = rows.get(i);
            if (row == null || row.code() == null) {
                errors.add(new FieldError("units[" + i + "].code", "is required"));
            } else if (index.putIfAbsent(row.code(), i) != null) {
                errors.add(new FieldError("units[" + i + "].code", "appears twice in the import"));
            }
        }
        Map<String, OrgUnit> after = new HashMap<>(existing);
        List<OrgUnit.Changed<? extends OrgUnitEvent>> created = new ArrayList<>();
        List<UnitUpdate> updated = new ArrayList<>();
        Tally tally = Tally.NONE;
        Set<String> done = new HashSet<>();
        for (Map.Entry<String, Integer> entry : index.entrySet()) {
            // Walk up to the first parent already placed, then place the chain top-down.
            List<Integer> chain = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            String code = entry.getKey();
            while (code != null && index.containsKey(code) && !done.contains(code)) {
                if (!seen.add(code)) {
                    errors.add(new FieldError("units[" + index.get(code) + "].parentCode", "makes a cycle in the import"));
                    chain.clear();
                    break;
                }
                chain.add(0, index.get(code));
                code = rows.get(index.get(code)).parentCode();
            }
            for (int i : chain) {
                UnitRow row = rows.get(i);
                done.add(row.code());
                String where = "units[" + i + "]";
                try {
                    Outcome outcome = planUnit(row, existing.get(row.code()), after, created, updated, now, caller);
                    tally = tally.plus(outcome);
                } catch (InvalidFieldException invalid) {
                    invalid.errors().forEach(e -> errors.add(new FieldError(where + "." + e.field(), e.reason())));
                }
                if (errors.size() >= MAX_ERRORS) {
                    return new UnitPlan(created, updated, after, tally, errors);
                }
            }
        }
        return new UnitPlan(created, updated, after, tally, errors);
    }

    private Outcome planUnit(UnitRow row, OrgUnit current, Map<String, OrgUnit> after,
            List<OrgUnit.Changed<? extends OrgUnitEvent>> created, List<UnitUpdate> updated, Instant now,
            Caller caller) {
        OrgUnit parent = null;
        if (row.parentCode() != null) {
            parent = after.get(row.parentCode());
            if (parent == null) {
                throw new InvalidFieldException("parentCode", "is neither in the import nor in the tree");
            }
        }
        if (current == null) {
            OrgUnit.Changed<OrgUnitCreated> made = OrgUnit.create(row.code(), row.name(), row.type(), parent,
                    row.expectedGrids(), now);
            if (!OrgScope.maySee(caller, made.unit().path())) {
                throw new InvalidFieldException("parentCode", "places the unit outside your area");
            }
            created.add(made);
            after.put(made.unit().code(), made.unit());
            return Outcome.CREATED;
        }
        if (!OrgScope.maySee(caller, current.path())) {
            throw new InvalidFieldException("code", "is taken by a unit outside your area");
        }
        if (!Objects.equals(current.parentCode(), row.parentCode())) {
            throw new InvalidFieldException("parentCode", "differs from the tree (" + current.parentCode()
                    + "); an import does not move units: POST /api/orgs/" + current.code() + "/move");
        }
        if (current.type() != row.type()) {
            throw new InvalidFieldException("type", "differs from the tree (" + current.type() + ")");
        }
        if (current.retired()) {
            throw new InvalidFieldException("code", "is a retired unit");
        }
        String name = row.name() == null ? null : row.name().strip();
        boolean renamed = !current.name().equals(name);
        boolean regridded = !Objects.equals(current.expectedGrids(), row.expectedGrids());
        if (!renamed && !regridded) {
            return Outcome.UNCHANGED;
        }
        OrgUnit next = current;
        OrgUnitRenamed event = null;
        if (renamed) {
            OrgUnit.Changed<OrgUnitRenamed> change = current.rename(name, now);
            next = change.unit();
            event = change.event();
        }
        if (regridded) {
            OrgUnit regrid = next.withExpectedGrids(row.expectedGrids());
            next = new OrgUnit(regrid.code(), regrid.name(), regrid.type(), regrid.parentCode(), regrid.path(),
                    regrid.retired(), regrid.expectedGrids(), current.version() + 1);
        }
        updated.add(new UnitUpdate(next, current.version(), event));
        after.put(next.code(), next);
        return Outcome.UPDATED;
    }

    private record MemberUpdate(PartyMember member, long readVersion, List<PartyMemberEvent> events) {
    }

    private record MemberPlan(List<MemberRepository.Registered> created, List<MemberUpdate> updated, Tally tally,
            List<FieldError> errors) {
    }

    private MemberPlan planMembers(List<MemberRow> rows, Map<String, OrgUnit> unitsAfter, Instant now,
            Caller caller) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            MemberRow row = rows.get(i);
            if (row == null || row.id() == null || !PartyMembers.ID.matcher(row.id()).matches()) {
                errors.add(new FieldError("members[" + i + "].id",
                        "is required in an import (the member's stable number), 1-64 letters, digits or dashes"));
            } else if (!ids.add(row.id())) {
                errors.add(new FieldError("members[" + i + "].id", "appears twice in the import"));
            }
        }
        Map<String, PartyMember> existing = ids.isEmpty() ? Map.of()
                : members.findAll(ids).stream().collect(Collectors.toMap(PartyMember::id, Function.identity()));
        List<MemberRepository.Registered> created = new ArrayList<>();
        List<MemberUpdate> updated = new ArrayList<>();
        Tally tally = Tally.NONE;
        for (int i = 0; i < rows.size() && errors.size() < MAX_ERRORS; i++) {
            MemberRow row = rows.get(i);
            if (row == null || row.id() == null) {
                continue;
            }
            String where = "members[" + i + "]";
            try {
                PartyMember.Profile profile = new PartyMember.Profile(row.name(), row.phone(), row.joinedOn(),
                        row.status(), row.roles(), row.userId());
                OrgUnit unit = row.unitCode() == null ? null : unitsAfter.get(row.unitCode());
                if (unit == null || !OrgScope.maySee(caller, unit.path())) {
                    throw new InvalidFieldException("unitCode", "is not a unit in the import, the tree or your area");
                }
                PartyMember current = existing.get(row.id());
                if (current == null) {
                    PartyMember member = PartyMember.register(row.id(), profile, unit.code());
                    created.add(new MemberRepository.Registered(member,
                            new MemberJoined(member.id(), 1, unit.path(), now, member.facts(unit.path()))));
                    tally = tally.plus(Outcome.CREATED);
                    continue;
                }
                OrgUnit currentUnit = unitsAfter.get(current.unitCode());
                List<PartyMemberEvent> events = new ArrayList<>();
                PartyMember next = current;
                if (!current.sameProfile(profile)) {
                    next = next.update(profile);
                    events.add(new MemberUpdated(next.id(), next.version(), currentUnit.path(), now,
                            next.facts(currentUnit.path())));
                }
                if (!current.unitCode().equals(unit.code())) {
                    next = next.transferTo(unit.code(), new Transfer(current.unitCode(), unit.code(), now, "import",
                            caller.userId()));
                    events.add(new MemberTransferred(next.id(), next.version(), unit.path(), now,
                            next.facts(unit.path()), current.unitCode(), currentUnit.path()));
                }
                if (events.isEmpty()) {
                    tally = tally.plus(Outcome.UNCHANGED);
                } else {
                    updated.add(new MemberUpdate(next, current.version(), events));
                    tally = tally.plus(Outcome.UPDATED);
                }
            } catch (InvalidFieldException invalid) {
                invalid.errors().forEach(e -> errors.add(new FieldError(where + "." + e.field(), e.reason())));
            }
        }
        return new MemberPlan(created, updated, tally, errors);
    }

    private Tally saveDepartments(List<DepartmentRow> rows, Caller caller) {
        Tally tally = Tally.NONE;
        for (int i = 0; i < rows.size(); i++) {
            DepartmentRow row = rows.get(i);
            if (row == null) {
                throw new InvalidFieldException("departments[" + i + "]", "is empty");
            }
            try {
                Department.Definition definition = new Department.Definition(row.name() == null ? null : row.name().strip(),
                        row.type(), row.categoryCodes(), row.dutyContact(), row.areaCode(),
                        row.active() == null || row.active());
                tally = tally.plus(departments.save(row.code(), definition, null, caller).outcome());
            } catch (InvalidFieldException invalid) {
                throw prefixed("departments[" + i + "]", invalid);
            }
        }
        return tally;
    }

    private Tally savePartners(List<PartnerRow> rows, Caller caller) {
        Tally tally = Tally.NONE;
        for (int i = 0; i < rows.size(); i++) {
            PartnerRow row = rows.get(i);
            if (row == null) {
                throw new InvalidFieldException("partners[" + i + "]", "is empty");
            }
            try {
                Partner.Definition definition = new Partner.Definition(row.kind(),
                        row.name() == null ? null : row.name().strip(), row.communityCodes(), row.compounds(),
                        row.contact(), row.partyUnitCode() == null || row.partyUnitCode().isBlank() ? null
                                : row.partyUnitCode().strip(), row.active() == null || row.active());
                tally = tally.plus(partners.save(row.code(), definition, null, caller).outcome());
            } catch (InvalidFieldException invalid) {
                throw prefixed("partners[" + i + "]", invalid);
            }
        }
        return tally;
    }

    private static InvalidFieldException prefixed(String where, InvalidFieldException invalid) {
        return new InvalidFieldException(invalid.errors().stream()
                .map(e -> new FieldError(where + "." + e.field(), e.reason())).toList());
    }
}
