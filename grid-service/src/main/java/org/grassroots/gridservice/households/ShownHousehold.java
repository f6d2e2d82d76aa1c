package org.grassroots.gridservice.households;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.grassroots.gridservice.pii.Masking;
import org.grassroots.platform.crypto.FieldCipher;

/**
 * A household as one caller may see it: personal data in full only for {@link HouseholdAccess#FULL},
 * masked otherwise. {@code unmasked} says which, so a client can tell.
 */
public record HouseholdView(String id, String gridCode, String communityId, String orgPath, String building,
        String unit, String room, List<PersonView> persons, String pairedMemberId, boolean pairedCentral,
        Instant pairedAt, HouseholdStatus status, boolean unmasked, long version) {

    public record PersonView(String id, String name, String relation, String idNumber, String phone,
            Set<ServiceTag> tags) {
    }

    static HouseholdView of(Household household, HouseholdAccess access, FieldCipher cipher) {
        boolean full = access == HouseholdAccess.FULL;
        boolean address = full || access == HouseholdAccess.PAIRED_MEMBER;
        List<PersonView> persons = household.persons().stream().map(person -> {
            String idNumber = cipher.decrypt(person.idNumberCipher());
            String phone = cipher.decrypt(person.phoneCipher());
            String name = person.nameOf(cipher);
            return new PersonView(person.id(), address ? name : Masking.name(name),
                    person.relation(), full ? idNumber : Masking.idNumber(idNumber),
                    full ? phone : Masking.phone(phone), person.tags());
        }).toList();
        return new HouseholdView(household.id(), household.gridCode(), household.communityId(), household.orgPath(),
                household.building(), address ? household.unit() : "*", address ? household.room() : "*", persons,
                household.pairedMemberId(), household.pairedCentral(), household.pairedAt(), household.status(), full,
                household.version());
    }
}
