package org.grassroots.orgservice.members.web;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.orgservice.members.PartyMember;
import org.grassroots.orgservice.members.PartyMembers;
import org.grassroots.orgservice.members.Phones;
import org.grassroots.orgservice.members.Transfer;
import org.grassroots.platform.security.Caller;

/** A member as the caller may see them: the phone masked (138****1234) unless the caller needs it. */
public record MemberResponse(String id, String name, String phone, boolean phoneMasked, LocalDate joinedOn,
        MemberStatus status, String unitCode, String unitPath, List<MemberRole> roles, String userId,
        List<Transfer> transfers, long version) {

    public static MemberResponse of(PartyMembers.Placed placed, Caller caller) {
        PartyMember m = placed.member();
        boolean full = PartyMembers.maySeePhone(placed, caller);
        return new MemberResponse(m.id(), m.name(), full ? m.phone() : Phones.mask(m.phone()), !full, m.joinedOn(),
                m.status(), m.unitCode(), placed.unitPath(), m.roles(), m.userId(), m.transfers(), m.version());
    }
}
