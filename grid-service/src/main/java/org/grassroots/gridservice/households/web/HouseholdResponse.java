package org.grassroots.gridservice.households.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.grassroots.gridservice.households.Household;
import org.grassroots.gridservice.households.HouseholdStatus;
import org.grassroots.gridservice.households.ServiceTag;
import org.grassroots.gridservice.households.ShownHousehold;

/**
 * A household as the API shows it to one caller: personal data as {@link ShownHousehold} masked it,
 * unit and room {@code *} for those who do not visit it. {@code unmasked} says which, so a client can tell.
 */
record HouseholdResponse(String id, String gridCode, String communityId, String orgPath, String building,
        String unit, String room, List<PersonResponse> persons, String pairedMemberId, boolean pairedCentral,
        Instant pairedAt, HouseholdStatus status, boolean unmasked, long version) {

    record PersonResponse(String id, String name, String relation, String idNumber, String phone,
            Set<ServiceTag> tags) {
    }

    static HouseholdResponse of(ShownHousehold shown) {
        Household household = shown.household();
        List<PersonResponse> persons = shown.persons().stream().map(person -> new PersonResponse(person.id(),
                person.name(), person.relation(), person.idNumber(), person.phone(), person.tags())).toList();
        return new HouseholdResponse(household.id(), household.gridCode(), household.communityId(),
                household.orgPath(), household.building(), shown.addressShown() ? household.unit() : "*",
                shown.addressShown() ? household.room() : "*", persons, household.pairedMemberId(),
                household.pairedCentral(), household.pairedAt(), household.status(), shown.unmasked(),
                household.version());
    }
}
