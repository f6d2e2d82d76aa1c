package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.HouseholdPaired;
import org.grassroots.contracts.grids.HouseholdUnpaired;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A household (户) at an address in a grid: building, unit and room, the people living there, and the
 * party member paired with it (党员联系户), if any. The population ledger is made of these. It can be
 * corrected, moved out and removed, each with its reason in the history; which command is allowed in
 * which state is the table {@link HouseholdStatus.Command}. Each command changes the household and
 * returns the events it produced (only pairing publishes: the household's events carry no address);
 * how it is stored is {@link HouseholdDocument}'s business.
 */
public final class Household {

    private final String id;
    private final String gridCode;
    private final String communityId;
    private final String orgPath;
    private String building;
    private String unit;
    private String room;
    private List<Person> persons;
    private String pairedMemberId;
    private boolean pairedCentral;
    private Instant pairedAt;
    private final Instant createdAt;
    private long version;
    private HouseholdStatus status;
    private List<HouseholdChange> history;

    Household(String id, String gridCode, String communityId, String orgPath, String building, String unit,
            String room, List<Person> persons, String pairedMemberId, boolean pairedCentral, Instant pairedAt,
            Instant createdAt, long version, HouseholdStatus status, List<HouseholdChange> history) {
        this.id = Objects.requireNonNull(id, "id");
        this.gridCode = gridCode;
        this.communityId = communityId;
        this.orgPath = orgPath;
        this.building = building;
        this.unit = unit;
        this.room = room;
        this.persons = persons == null ? List.of() : List.copyOf(persons);
        this.pairedMemberId = pairedMemberId;
        this.pairedCentral = pairedCentral;
        this.pairedAt = pairedAt;
        this.createdAt = createdAt;
        this.version = version;
        // Households stored before statuses and history existed are active and have none.
        this.status = status == null ? HouseholdStatus.ACTIVE : status;
        this.history = history == null ? List.of() : List.copyOf(history);
    }

    /** A new household at an address, at version 1 with its first history entry; registering publishes nothing. */
    static Household register(String id, String gridCode, String communityId, String orgPath, String building,
            String unit, String room, String by, Instant now) {
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, List.of(), null, false, null,
                now, 1, HouseholdStatus.ACTIVE,
                List.of(new HouseholdChange(1, HouseholdChange.Kind.REGISTERED, now, by, null, null, List.of())));
    }

    public boolean isActive() {
        return status == HouseholdStatus.ACTIVE;
    }

    List<IntegrationEvent> addPerson(Person person, String by, Instant now) {
        require(HouseholdStatus.Command.ADD_PERSON);
        List<Person> more = new ArrayList<>(persons);
        more.add(person);
        persons = List.copyOf(more);
        changed(HouseholdChange.Kind.PERSON_ADDED, now, by, null, person.id(), List.of());
        return List.of();
    }

    /** Corrects the address (a wrong building, unit or room at registration); the reason is kept. */
    List<IntegrationEvent> correctAddress(String newBuilding, String newUnit, String newRoom, String reason, String by,
            Instant now) {
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
        building = b;
        unit = u;
        room = r;
        changed(HouseholdChange.Kind.ADDRESS_CORRECTED, now, by, why, null, fields);
        return List.of();
    }

    /**
     * Replaces one person's record by its corrected form; {@code fields} names what changed (the caller
     * compares the plain values, which this stored form holds only encrypted).
     */
    List<IntegrationEvent> correctPerson(Person corrected, List<String> fields, String reason, String by, Instant now) {
        require(HouseholdStatus.Command.CORRECT_PERSON);
        String why = requireReason(reason);
        if (fields.isEmpty()) {
            throw new InvalidFieldException("name", "the correction changes nothing");
        }
        persons = persons.stream().map(p -> p.id().equals(corrected.id()) ? corrected : p).toList();
        changed(HouseholdChange.Kind.PERSON_CORRECTED, now, by, why, corrected.id(), fields);
        return List.of();
    }

    /** The household moved away (迁出); a paired household is unpaired first. */
    List<IntegrationEvent> moveOut(String reason, String by, Instant now) {
        require(HouseholdStatus.Command.MOVE_OUT);
        requireUnpaired("moved out");
        String why = requireReason(reason);
        status = HouseholdStatus.MOVED_OUT;
        changed(HouseholdChange.Kind.MOVED_OUT, now, by, why, null, List.of());
        return List.of();
    }

    /** Takes a household registered in error out of the ledger (注销); it stays, with its history. */
    List<IntegrationEvent> remove(String reason, String by, Instant now) {
        require(HouseholdStatus.Command.REMOVE);
        requireUnpaired("removed");
        String why = requireReason(reason);
        status = HouseholdStatus.REMOVED;
        changed(HouseholdChange.Kind.REMOVED, now, by, why, null, List.of());
        return List.of();
    }

    /** Pairs a party member with the household (党员联系户); the event names the household by id and grid only. */
    List<IntegrationEvent> pair(String memberId, boolean central, Instant now) {
        require(HouseholdStatus.Command.PAIR);
        if (pairedMemberId != null) {
            throw new InvalidStateException("household " + id + " is paired with another member; unpair it first");
        }
        pairedMemberId = memberId;
        pairedCentral = central;
        pairedAt = now;
        version++;
        return List.of(new HouseholdPaired(id, version, orgPath, now, gridCode, pairedMemberId, pairedCentral));
    }

    List<IntegrationEvent> unpair(Instant now) {
        require(HouseholdStatus.Command.UNPAIR);
        if (pairedMemberId == null) {
            throw new InvalidStateException("household " + id + " is not paired");
        }
        String formerMember = pairedMemberId;
        boolean wasCentral = pairedCentral;
        pairedMemberId = null;
        pairedCentral = false;
        pairedAt = null;
        version++;
        return List.of(new HouseholdUnpaired(id, version, orgPath, now, gridCode, formerMember, wasCentral));
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

    /** The next version, with its entry in the history. */
    private void changed(HouseholdChange.Kind kind, Instant now, String by, String reason, String personId,
            List<String> fields) {
        version++;
        List<HouseholdChange> more = new ArrayList<>(history);
        more.add(new HouseholdChange(version, kind, now, by, reason, personId, fields));
        history = List.copyOf(more);
    }

    String address() {
        return building + "-" + unit + "-" + room;
    }

    public String id() { return id; }
    public String gridCode() { return gridCode; }
    public String communityId() { return communityId; }
    public String orgPath() { return orgPath; }
    public String building() { return building; }
    public String unit() { return unit; }
    public String room() { return room; }
    public List<Person> persons() { return persons; }
    public String pairedMemberId() { return pairedMemberId; }
    public boolean pairedCentral() { return pairedCentral; }
    public Instant pairedAt() { return pairedAt; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
    public HouseholdStatus status() { return status; }
    public List<HouseholdChange> history() { return history; }
}
