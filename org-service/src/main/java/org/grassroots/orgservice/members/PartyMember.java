package org.grassroots.orgservice.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.orgs.MemberFacts;
import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * A party member: the profile org-service keeps (name and phone stay here, never in events or
 * logs), the unit they belong to, their posts and their transfer history.
 *
 * @param phone  the plain number in memory; stored encrypted, shown masked to most callers
 * @param userId the member's platform account (token {@code sub}) once linked, else null
 */
public record PartyMember(String id, String name, String phone, LocalDate joinedOn, MemberStatus status,
        String unitCode, List<MemberRole> roles, String userId, List<Transfer> transfers, long version) {

    public static final int MAX_NAME = 50;

    public PartyMember {
        roles = canonical(roles);
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
    }

    /** The profile fields a registration or an update sets. */
    public record Profile(String name, String phone, LocalDate joinedOn, MemberStatus status, List<MemberRole> roles,
            String userId) {

        public Profile {
            if (name == null || name.isBlank()) {
                throw new InvalidFieldException("name", "is required");
            }
            name = name.strip();
            if (name.length() > MAX_NAME) {
                throw new InvalidFieldException("name", "must be at most " + MAX_NAME + " characters");
            }
            phone = Phones.normalise(phone, "phone");
            if (status == null) {
                throw new InvalidFieldException("status", "is required: IN_SERVICE, RETIRED or FLOATING");
            }
            roles = canonical(roles);
            userId = userId == null || userId.isBlank() ? null : userId.strip();
        }
    }

    public static PartyMember register(String id, Profile profile, String unitCode) {
        return new PartyMember(id, profile.name(), profile.phone(), profile.joinedOn(), profile.status(), unitCode,
                profile.roles(), profile.userId(), List.of(), 1);
    }

    public boolean sameProfile(Profile profile) {
        return name.equals(profile.name()) && Objects.equals(phone, profile.phone())
                && Objects.equals(joinedOn, profile.joinedOn()) && status == profile.status()
                && roles.equals(profile.roles()) && Objects.equals(userId, profile.userId());
    }

    public PartyMember update(Profile profile) {
        return new PartyMember(id, profile.name(), profile.phone(), profile.joinedOn(), profile.status(), unitCode,
                profile.roles(), profile.userId(), transfers, version + 1);
    }

    public PartyMember transferTo(String toUnitCode, Transfer transfer) {
        if (toUnitCode.equals(unitCode)) {
            throw new InvalidFieldException("toUnitCode", "is the member's unit already");
        }
        List<Transfer> history = new ArrayList<>(transfers);
        history.add(transfer);
        return new PartyMember(id, name, phone, joinedOn, status, toUnitCode, roles, userId, history, version + 1);
    }

    /** Each post once, in a fixed order, so that equal sets of posts compare equal. */
    static List<MemberRole> canonical(List<MemberRole> roles) {
        return roles == null ? List.of() : roles.stream().filter(Objects::nonNull).distinct().sorted().toList();
    }

    public MemberFacts facts(String unitPath) {
        return new MemberFacts(id, unitCode, unitPath, status, roles, userId);
    }
}
