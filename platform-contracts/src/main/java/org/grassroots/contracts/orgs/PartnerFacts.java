package org.grassroots.contracts.orgs;

import java.util.List;

/**
 * A partner organisation and the communities it works with. Contacts stay in org-service.
 *
 * @param code           the partner's code
 * @param kind           property company, social organisation, co-building unit or leader contact point
 * @param name           the organisation's (or the post's) name, never a person's
 * @param communityCodes the units it serves or is linked to
 * @param orgPath        the deepest path holding all those units (the district when none)
 * @param active         false once the partnership ended
 */
public record PartnerFacts(String code, PartnerKind kind, String name, List<String> communityCodes, String orgPath,
        boolean active) {

    public PartnerFacts {
        Require.text(code, "code");
        Require.present(kind, "kind");
        Require.text(name, "name");
        Require.text(orgPath, "orgPath");
        communityCodes = communityCodes == null ? List.of() : List.copyOf(communityCodes);
    }
}
