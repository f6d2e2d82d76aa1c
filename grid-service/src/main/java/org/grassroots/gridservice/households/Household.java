package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.contracts.grids.HouseholdPaired;
import org.grassroots.contracts.grids.HouseholdUnpaired;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household (户) at an address in a grid: building, unit and room, the people living there, and the
 * party member paired with it (党员联系户), if any. The population ledger is made of these. It can be
 * corrected, moved out and removed, each with its reason in the history; which command is allowed in
 * which state is the table {@link HouseholdStatus.Command}.
 */
@Document("households")
public record Household(@Id String id, String gridCode, String communityId, String orgPath,
        String building, String unit, String room, List<Person> persons, String pairedMemberId,
        boolean pairedCentral, Instant pairedAt, Instant createdAt, long version, HouseholdStatus status,
        List<HouseholdChange> history) {

    public Household {
        persons = persons == null ? List.of() : List.copyOf(persons);
        // Households stored before statuses and history existed are active and have none.
        status = status == null ? HouseholdStatus.ACTIVE : status;
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new household at an address, with its first history entry. */
    static Household register(String id, String gridCode, String communityId, String orgPath, String building,
            String unit, String room, String by, Instant now) {
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, List.of(), null, false, null,
                now, 1, HouseholdStatus.ACTIVE,
                List.of(new HouseholdChange(1, HouseholdChange.Kind.REGISTERED, now, by, null, null, List.of())));
    }

    public boolean isActive() {
        return status == HouseholdStatus.ACTIVE;
    }

    Household withPerson(Person person, String by, Instant now) {
        require(HouseholdStatus.Command.ADD_PERSON);
        List<Person> more = new ArrayList<>(persons);
        more.add(person);
        return next(building, unit, room, more, pairedMemberId, pairedCentral, pairedAt, status,
                change(HouseholdChange.Kind.PERSON_ADDED, now, by, null, person.id(), List.of()));
    }

    /** Corrects the address (a wrong building, unit or room at registration); the reason is kept. */
    Household correctAddress(String newBuilding, String newUnit, String newRoom, String reason, String by, Instant now) {
        require(HouseholdStatus.Command.CORRECT_ADDRESS);
        String why = requireReason(reason);
        List<String> fields = new ArrayList<>();
        String b = newBuilding == null ? building : newBuilding;
        String u = newUnit == null ? unit : newUnit;
        String r = newRoom == null ? room : newRoom;
        if (!b.equals(building)) {
            fields.add("building");
        }
        if (!u.equals(unit)) {
            fields.add("unit");
        }
        if (!r.equals(room)) {
            fields.add("room");
        }
        if (fields.isEmpty()) {
            throw new InvalidFieldException("building", "the corrected address is the same as the registered one");
        }
        return next(b, u, r, persons, pairedMemberId, pairedCentral, pairedAt, status,
                change(HouseholdChange.Kind.ADDRESS_CORRECTED, now, by, why, null, fields));
    }

    /**
     * Replaces one person's record by its corrected form; {@code fields} names what changed (the caller
     * compares the plain values, which this stored form holds only encrypted).
     */
    Household correctPerson(Person corrected, List<String> fields, String reason, String by, Instant now) {
        require(HouseholdStatus.Command.CORRECT_PERSON);
        String why = requireReason(reason);
        if (fields.isEmpty()) {
            throw new InvalidFieldException("name", "the correction changes nothing");
        }
        List<Person> changed = persons.stream().map(p -> p.id().equals(corrected.id()) ? corrected : p).toList();
        return next(building, unit, room, changed, pairedMemberId, pairedCentral, pairedAt, status,
                change(HouseholdChange.Kind.PERSON_CORRECTED, now, by, why, corrected.id(), fields));
    }

    /** The household moved away (迁出); a paired household is unpaired first. */
    Household moveOut(String reason, String by, Instant now) {
        require(HouseholdStatus.Command.MOVE_OUT);
        requireUnpaired("moved out");
        return next(building, unit, room, persons, null, false, null, HouseholdStatus.MOVED_OUT,
                change(HouseholdChange.Kind.MOVED_OUT, now, by, requireReason(reason), null, List.of()));
    }

    /** Takes a household registered in error out of the ledger (注销); it stays, with its history. */
    Household remove(String reason, String by, Instant now) {
        require(HouseholdStatus.Command.REMOVE);
        requireUnpaired("removed");
        return next(building, unit, room, persons, null, false, null, HouseholdStatus.REMOVED,
                change(HouseholdChange.Kind.REMOVED, now, by, requireReason(reason), null, List.of()));
    }

    Household pair(String memberId, boolean central, Instant now) {
        require(HouseholdStatus.Command.PAIR);
        if (pairedMemberId != null) {
            throw new InvalidStateException("household " + id + " is paired with another member; unpair it first");
        }
        return next(building, unit, room, persons, memberId, central, now, status, null);
    }

    Household unpair() {
        require(HouseholdStatus.Command.UNPAIR);
        if (pairedMemberId == null) {
            throw new InvalidStateException("household " + id + " is not paired");
        }
        return next(building, unit, room, persons, null, false, null, status, null);
    }

    private void require(HouseholdStatus.Command command) {
        if (!command.allowedIn(status)) {
            throw new InvalidStateException("household " + id + " is " + status + ": " + command + " is not allowed");
        }
    }

    private void requireUnpaired(String what) {
        if (pairedMemberId != null) {
            throw new InvalidStateException("household " + id + " is paired with a party member; unpair it before it is "
                    + what);
        }
    }

    private static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidFieldException("reason", "is required: the history keeps why");
        }
        if (reason.strip().length() > 200) {
            throw new InvalidFieldException("reason", "is at most 200 characters");
        }
        return reason.strip();
    }

    private HouseholdChange change(HouseholdChange.Kind kind, Instant now, String by, String reason, String personId,
            List<String> fields) {
        return new HouseholdChange(version + 1, kind, now, by, reason, personId, fields);
    }

    private Household next(String b, String u, String r, List<Person> people, String member, boolean central,
            Instant pairedSince, HouseholdStatus newStatus, HouseholdChange entry) {
        List<HouseholdChange> more = history;
        if (entry != null) {
            more = new ArrayList<>(history);
            more.add(entry);
        }
        return new Household(id, gridCode, communityId, orgPath, b, u, r, people, member, central, pairedSince,
                createdAt, version + 1, newStatus, more);
    }

    HouseholdPaired paired(Instant now) {
        return new HouseholdPaired(id, version, orgPath, now, gridCode, pairedMemberId, pairedCentral);
    }

    HouseholdUnpaired unpaired(String formerMember, boolean wasCentral, Instant now) {
        return new HouseholdUnpaired(id, version, orgPath, now, gridCode, formerMember, wasCentral);
    }

    String address() {
        return building + "-" + unit + "-" + room;
    }
}
