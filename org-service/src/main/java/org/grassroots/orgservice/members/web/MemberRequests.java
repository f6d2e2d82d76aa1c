package org.grassroots.orgservice.members.web;

import java.time.LocalDate;
import java.util.List;

import org.grassroots.contracts.orgs.MemberRole;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.orgservice.members.PartyMember;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Request bodies of the member endpoints; {@code version} is the version the client read (409 if stale). */
final class MemberRequests {

    private MemberRequests() {
    }

    /** @param id optional: a district's own member number; a UUID is given otherwise */
    record RegisterMemberRequest(
            @Size(max = 64) String id,
            @NotBlank @Size(max = 50) String name,
            String phone,
            LocalDate joinedOn,
            @NotNull MemberStatus status,
            @NotBlank String unitCode,
            List<MemberRole> roles,
            String userId) {

        PartyMember.Profile profile() {
            return new PartyMember.Profile(name, phone, joinedOn, status, roles, userId);
        }
    }

    record UpdateMemberRequest(
            @NotBlank @Size(max = 50) String name,
            String phone,
            LocalDate joinedOn,
            @NotNull MemberStatus status,
            List<MemberRole> roles,
            String userId,
            Long version) {

        PartyMember.Profile profile() {
            return new PartyMember.Profile(name, phone, joinedOn, status, roles, userId);
        }
    }

    record TransferMemberRequest(@NotBlank String toUnitCode, @Size(max = 200) String reason, Long version) {
    }
}
