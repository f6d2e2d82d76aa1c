package org.grassroots.gridservice.households;

import java.util.List;
import java.util.Set;

import org.grassroots.gridservice.pii.Masking;
import org.grassroots.platform.crypto.FieldCipher;

/**
 * A household as one caller is shown it: personal data in full only for {@link HouseholdAccess#FULL},
 * masked otherwise; the unit and room only for those who visit it ({@code addressShown}).
 * {@code unmasked} says whether ID and phone numbers are shown in full.
 */
public record ShownHousehold(Household household, List<ShownPerson> persons, boolean addressShown,
        boolean unmasked) {

    public ShownHousehold {
        persons = List.copyOf(persons);
    }

    /** A person of the household, each field as the caller may see it. */
    public record ShownPerson(String id, String name, String relation, String idNumber, String phone,
            Set<ServiceTag> tags) {
    }

    static ShownHousehold of(Household household, HouseholdAccess access, FieldCipher cipher) {
        boolean full = access == HouseholdAccess.FULL;
        boolean address = full || access == HouseholdAccess.PAIRED_MEMBER;
        List<ShownPerson> persons = household.persons().stream().map(person -> {
            String idNumber = cipher.decrypt(person.idNumberCipher());
            String phone = cipher.decrypt(person.phoneCipher());
            String name = person.nameOf(cipher);
            return new ShownPerson(person.id(), address ? name : Masking.name(name),
                    person.relation(), full ? idNumber : Masking.idNumber(idNumber),
                    full ? phone : Masking.phone(phone), person.tags());
        }).toList();
        return new ShownHousehold(household, persons, address, full);
    }
}
