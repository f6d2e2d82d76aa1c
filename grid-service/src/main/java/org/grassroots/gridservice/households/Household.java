package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.grassroots.contracts.grids.HouseholdPaired;
import org.grassroots.contracts.grids.HouseholdUnpaired;
import org.grassroots.platform.domain.InvalidStateException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A household (户) at an address in a grid: building, unit and room, the people living there, and the
 * party member paired with it (党员联系户), if any. The population ledger is made of these.
 */
@Document("households")
public record Household(@Id String id, String gridCode, String communityId, String orgPath,
        String building, String unit, String room, List<Person> persons, String pairedMemberId,
        boolean pairedCentral, Instant pairedAt, Instant createdAt, long version) {

    public Household {
        persons = persons == null ? List.of() : List.copyOf(persons);
    }

    Household withPerson(Person person) {
        List<Person> more = new ArrayList<>(persons);
        more.add(person);
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, more, pairedMemberId,
                pairedCentral, pairedAt, createdAt, version + 1);
    }

    Household pair(String memberId, boolean central, Instant now) {
        if (pairedMemberId != null) {
            throw new InvalidStateException("household " + id + " is paired with another member; unpair it first");
        }
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, persons, memberId, central,
                now, createdAt, version + 1);
    }

    Household unpair() {
        if (pairedMemberId == null) {
            throw new InvalidStateException("household " + id + " is not paired");
        }
        return new Household(id, gridCode, communityId, orgPath, building, unit, room, persons, null, false, null,
                createdAt, version + 1);
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
