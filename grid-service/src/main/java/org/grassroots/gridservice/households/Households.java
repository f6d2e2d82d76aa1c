package org.grassroots.gridservice.households;

import org.grassroots.platform.crypto.FieldCipher;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.grassroots.gridservice.buildings.Buildings;
import org.grassroots.gridservice.grids.Grid;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.gridservice.pii.PiiAudit;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * The population ledger: households by address in a grid, the people in them, and lookups both ways —
 * from a room to its people (以房找人) and from a person's ID or phone number to their home (以人找房).
 * Every response is shaped by {@link HouseholdAccess}; every unmasked one is audited.
 */
@Service
public class Households {

    private final HouseholdRepository households;
    private final Grids grids;
    private final FieldCipher cipher;
    private final PiiAudit audit;
    private final Buildings buildings;
    private final Clock clock;

    Households(HouseholdRepository households, Grids grids, FieldCipher cipher, PiiAudit audit,
            Buildings buildings, Clock clock) {
        this.households = households;
        this.grids = grids;
        this.cipher = cipher;
        this.audit = audit;
        this.buildings = buildings;
        this.clock = clock;
    }

    /**
     * The buildings of a grid's households, by name, each once: what the 码上办 sheet prints a code
     * for. Only the building field is read; nothing about the people in them.
     */
    public List<String> buildingsOf(String gridCode) {
        return households.buildingsOf(gridCode);
    }

    /** The building's occupation follows the household's change (a crash in between is settled at the next start). */
    void settleBuilding(String gridCode, String building, String orgPath) {
        buildings.settle(gridCode, building, orgPath, () -> households.inhabited(gridCode, building));
    }

    public ShownHousehold register(String gridCode, String building, String unit, String room, Caller caller) {
        Grid grid = grids.get(gridCode);
        if (!HouseholdAccess.mayEdit(caller, grid.orgPath())) {
            throw new ForbiddenException("Households are registered by the grid's workers and community staff");
        }
        if (grid.isRetired()) {
            throw new InvalidStateException("grid " + gridCode + " is retired");
        }
        if (!atAddress(gridCode, building, unit, room).isEmpty()) {
            throw new AlreadyExistsException("Household at " + building + "-" + unit + "-" + room + " in grid", gridCode);
        }
        Household household = Household.register(UUID.randomUUID().toString(), gridCode, grid.communityId(),
                grid.orgPath(), building, unit, room, caller.userId(), clock.instant());
        households.add(household, List.of());
        settleBuilding(household.gridCode(), household.building(), household.orgPath());
        return show(List.of(household), caller, "register household").get(0);
    }

    public ShownHousehold addPerson(String householdId, NewPerson person, Caller caller) {
        Household household = find(householdId, caller);
        if (!HouseholdAccess.mayEdit(caller, household.orgPath())) {
            throw new ForbiddenException("Persons are registered by the grid's workers and community staff");
        }
        List<FieldError> errors = new ArrayList<>();
        String idProblem = PersonalIds.idNumberProblem(person.idNumber());
        if (idProblem != null) {
            errors.add(new FieldError("idNumber", idProblem));
        }
        if (person.phone() != null && PersonalIds.phoneProblem(person.phone()) != null) {
            errors.add(new FieldError("phone", PersonalIds.phoneProblem(person.phone())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        String idIndex = cipher.blindIndex(person.idNumber());
        if (household.persons().stream().anyMatch(existing -> idIndex.equals(existing.idNumberIndex()))) {
            throw new AlreadyExistsException("Person in household", householdId);
        }
        Person stored = new Person(UUID.randomUUID().toString(), null, cipher.encrypt(person.name()), person.relation(),
                cipher.encrypt(person.idNumber()), idIndex, cipher.encrypt(person.phone()),
                cipher.blindIndex(person.phone()), person.tags());
        long readVersion = household.version();
        households.update(household, readVersion, household.addPerson(stored, caller.userId(), clock.instant()));
        return show(List.of(household), caller, "register person").get(0);
    }

    public ShownHousehold get(String householdId, Caller caller) {
        return show(List.of(find(householdId, caller)), caller, "read household").get(0);
    }

    /** 以房找人: a page of a grid's active households, narrowed by building, unit and room if given, in address order. */
    public Page<ShownHousehold> byAddress(String gridCode, String building, String unit, String room, Paging paging,
            Caller caller) {
        Grid grid = grids.get(gridCode);
        if (!caller.maySeeOrgPath(grid.orgPath())) {
            throw new NotFoundException("Grid households", gridCode);
        }
        return show(households.activeByAddress(gridCode, building, unit, room, paging), caller,
                "find people by address");
    }

    /** 以人找房: a page of the active households where a person with this ID or phone number lives, within the caller's area. */
    public Page<ShownHousehold> byPerson(String idNumber, String phone, Paging paging, Caller caller) {
        Page<Household> found;
        if (idNumber != null && !idNumber.isBlank()) {
            found = households.activeByPersonIndex("persons.idNumberIndex", cipher.blindIndex(idNumber.strip()),
                    caller, paging);
        } else if (phone != null && !phone.isBlank()) {
            found = households.activeByPersonIndex("persons.phoneIndex", cipher.blindIndex(phone.strip()), caller,
                    paging);
        } else {
            throw new InvalidFieldException("idNumber", "an ID number or a phone number is required");
        }
        return show(found, caller, "find address by person");
    }

    /**
     * A page of the households a party member is paired with (every status): all of them for the member
     * themselves, those in the caller's area for staff.
     */
    public Page<ShownHousehold> pairedWith(String memberId, Paging paging, Caller caller) {
        return show(households.pairedWith(memberId, caller.isSubject(memberId) ? null : caller, paging), caller,
                "read paired households");
    }

    Household find(String householdId, Caller caller) {
        Household household = households.find(householdId).orElse(null);
        if (household == null || HouseholdAccess.of(caller, household) == HouseholdAccess.NONE) {
            throw new NotFoundException("Household", householdId);
        }
        return household;
    }

    List<Household> atAddress(String gridCode, String building, String unit, String room) {
        return households.byAddress(gridCode, building, unit, room).stream().filter(Household::isActive).toList();
    }

    /** Corrects a household's address; the reason is kept in its history. */
    public ShownHousehold correctAddress(String householdId, String building, String unit, String room, String reason,
            Long expectedVersion, Caller caller) {
        Household corrected = editable(householdId, expectedVersion, caller, "Households are corrected");
        long readVersion = corrected.version();
        String formerBuilding = corrected.building();
        List<org.grassroots.contracts.IntegrationEvent> events = corrected.correctAddress(building, unit, room, reason,
                caller.userId(), clock.instant());
        if (atAddress(corrected.gridCode(), corrected.building(), corrected.unit(), corrected.room()).stream()
                .anyMatch(other -> !other.id().equals(householdId))) {
            throw new AlreadyExistsException("Household at " + corrected.address() + " in grid", corrected.gridCode());
        }
        households.update(corrected, readVersion, events);
        if (!corrected.building().equals(formerBuilding)) {
            settleBuilding(corrected.gridCode(), formerBuilding, corrected.orgPath());
            settleBuilding(corrected.gridCode(), corrected.building(), corrected.orgPath());
        }
        return show(List.of(corrected), caller, "correct household").get(0);
    }

    /**
     * Corrects one person's record: only what is given changes; the history names the fields that did
     * (never their values) and keeps the reason.
     */
    public ShownHousehold correctPerson(String householdId, String personId, PersonCorrection correction,
            Long expectedVersion, Caller caller) {
        Household household = editable(householdId, expectedVersion, caller, "Persons are corrected");
        Person person = household.persons().stream().filter(p -> p.id().equals(personId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Person", personId));
        List<FieldError> errors = new ArrayList<>();
        if (correction.idNumber() != null && PersonalIds.idNumberProblem(correction.idNumber()) != null) {
            errors.add(new FieldError("idNumber", PersonalIds.idNumberProblem(correction.idNumber())));
        }
        if (correction.phone() != null && !correction.phone().isEmpty()
                && PersonalIds.phoneProblem(correction.phone()) != null) {
            errors.add(new FieldError("phone", PersonalIds.phoneProblem(correction.phone())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        List<String> fields = new ArrayList<>();
        String name = person.nameOf(cipher);
        if (correction.name() != null && !correction.name().equals(name)) {
            fields.add("name");
            name = correction.name();
        }
        String relation = person.relation();
        if (correction.relation() != null && !correction.relation().equals(relation)) {
            fields.add("relation");
            relation = correction.relation();
        }
        String idCipher = person.idNumberCipher();
        String idIndex = person.idNumberIndex();
        if (correction.idNumber() != null && !cipher.blindIndex(correction.idNumber()).equals(idIndex)) {
            String newIndex = cipher.blindIndex(correction.idNumber());
            if (household.persons().stream().anyMatch(p -> newIndex.equals(p.idNumberIndex()))) {
                throw new AlreadyExistsException("Person in household", householdId);
            }
            fields.add("idNumber");
            idCipher = cipher.encrypt(correction.idNumber());
            idIndex = newIndex;
        }
        String phoneCipher = person.phoneCipher();
        String phoneIndex = person.phoneIndex();
        if (correction.phone() != null) {
            String phone = correction.phone().isEmpty() ? null : correction.phone();
            if (!java.util.Objects.equals(cipher.blindIndex(phone), phoneIndex)) {
                fields.add("phone");
                phoneCipher = cipher.encrypt(phone);
                phoneIndex = cipher.blindIndex(phone);
            }
        }
        Set<ServiceTag> tags = person.tags();
        if (correction.tags() != null && !correction.tags().equals(tags)) {
            fields.add("tags");
            tags = correction.tags();
        }
        // A person stored before names were encrypted is stored encrypted from now on.
        Person corrected = new Person(person.id(), null, cipher.encrypt(name), relation, idCipher, idIndex, phoneCipher,
                phoneIndex, tags);
        long readVersion = household.version();
        households.update(household, readVersion, household.correctPerson(corrected, fields, correction.reason(),
                caller.userId(), clock.instant()));
        return show(List.of(household), caller, "correct person").get(0);
    }

    /** The household moved away (迁出): kept with its history, no longer found by address or counted. */
    public ShownHousehold moveOut(String householdId, String reason, Long expectedVersion, Caller caller) {
        Household moved = editable(householdId, expectedVersion, caller, "Households are moved out");
        long readVersion = moved.version();
        households.update(moved, readVersion, moved.moveOut(reason, caller.userId(), clock.instant()));
        settleBuilding(moved.gridCode(), moved.building(), moved.orgPath());
        return show(List.of(moved), caller, "move household out").get(0);
    }

    /** Takes a household registered in error out of the ledger (注销): community staff and administrators only. */
    public ShownHousehold remove(String householdId, String reason, Long expectedVersion, Caller caller) {
        Household removed = editable(householdId, expectedVersion, caller, "Households are removed");
        if (!caller.isPlatformAdmin() && !caller.hasRole(Roles.COMMUNITY_STAFF)) {
            throw new ForbiddenException("Households are removed by community staff; a grid worker corrects or moves them out");
        }
        long readVersion = removed.version();
        households.update(removed, readVersion, removed.remove(reason, caller.userId(), clock.instant()));
        settleBuilding(removed.gridCode(), removed.building(), removed.orgPath());
        return show(List.of(removed), caller, "remove household").get(0);
    }

    /** A page of the household's history, oldest first: who changed what (field names only) when and why. Staff of its area. */
    public Page<HouseholdChange> history(String householdId, Paging paging, Caller caller) {
        Household household = find(householdId, caller);
        if (!caller.maySeeOrgPath(household.orgPath())) {
            throw new NotFoundException("Household", householdId);
        }
        return Page.slice(household.history(), paging);
    }

    private Household editable(String householdId, Long expectedVersion, Caller caller, String what) {
        Household household = find(householdId, caller);
        if (!HouseholdAccess.mayEdit(caller, household.orgPath())) {
            throw new ForbiddenException(what + " by the grid's workers and community staff");
        }
        if (expectedVersion != null && expectedVersion != household.version()) {
            throw new VersionConflictException("Household", householdId, expectedVersion);
        }
        return household;
    }

    /** Shapes each household of a page for the caller and audits, in one entry, what was shown unmasked. */
    Page<ShownHousehold> show(Page<Household> page, Caller caller, String purpose) {
        return new Page<>(show(page.items(), caller, purpose), page.page(), page.size(), page.totalItems());
    }

    /** Shapes each household for the caller and audits, in one entry, what was shown unmasked. */
    List<ShownHousehold> show(List<Household> households, Caller caller, String purpose) {
        List<ShownHousehold> views = new ArrayList<>(households.size());
        List<String> unmaskedHouseholds = new ArrayList<>();
        List<String> unmaskedPersons = new ArrayList<>();
        List<String> unmaskedPaths = new ArrayList<>();
        for (Household household : households) {
            HouseholdAccess access = HouseholdAccess.of(caller, household);
            ShownHousehold view = ShownHousehold.of(household, access, cipher);
            if (view.unmasked() && !household.persons().isEmpty()) {
                unmaskedHouseholds.add(household.id());
                unmaskedPaths.add(household.orgPath());
                household.persons().forEach(person -> unmaskedPersons.add(person.id()));
            }
            views.add(view);
        }
        audit.unmaskedRead(caller, purpose, unmaskedHouseholds, unmaskedPersons, unmaskedPaths);
        return views;
    }

    /** What to correct of a person: null leaves a field as it is; an empty phone removes it; a reason is required. */
    public record PersonCorrection(String name, String relation, String idNumber, String phone, Set<ServiceTag> tags,
            String reason) {
    }

    /** A person to register; the ID number is required, the phone optional. */
    public record NewPerson(String name, String relation, String idNumber, String phone, Set<ServiceTag> tags) {
    }
}
