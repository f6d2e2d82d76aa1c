package org.grassroots.contracts.orgs;

import java.util.List;

/**
 * A party member as other services may know them: ids, unit and posts only. Names, phones and
 * birth dates stay in org-service.
 *
 * @param memberId the member's id in org-service
 * @param unitCode the code of the unit (usually a grid branch) the member belongs to
 * @param unitPath that unit's materialised path
 * @param status   in service, retired or floating
 * @param roles    the posts the member holds, possibly none
 * @param userId   the member's platform account (token {@code sub}) when linked, else null; lets
 *                 volunteer-service credit a member who claims a case
 */
public record MemberFacts(String memberId, String unitCode, String unitPath, MemberStatus status,
        List<MemberRole> roles, String userId) {

    public MemberFacts {
        Require.text(memberId, "memberId");
        Require.text(unitCode, "unitCode");
        Require.text(unitPath, "unitPath");
        Require.present(status, "status");
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
