package org.grassroots.orgservice.partners;

import java.util.List;
import java.util.Objects;

import org.grassroots.contracts.orgs.PartnerFacts;
import org.grassroots.contracts.orgs.PartnerKind;

/**
 * A partner of party building: a property company (物业) with the communities and residential
 * compounds it serves, a social organisation, a co-building unit (驻区单位) with the communities it
 * co-builds with, or a leader contact point (区领导挂钩联系点) with the communities it is linked to.
 *
 * @param orgPath       the deepest path holding all its communities: who sees the partner
 * @param partyUnitCode the party organisation the partner has, or the one it is linked to (联建); null when
 *                      it has neither (a gap of 应建尽建)
 */
public record Partner(String code, PartnerKind kind, String name, List<String> communityCodes, List<String> compounds,
        ContactPerson contact, String partyUnitCode, String orgPath, boolean active, long version) {

    public Partner {
        communityCodes = communityCodes == null ? List.of() : communityCodes.stream().distinct().sorted().toList();
        compounds = compounds == null ? List.of() : List.copyOf(compounds);
    }

    public record Definition(PartnerKind kind, String name, List<String> communityCodes, List<String> compounds,
            ContactPerson contact, String partyUnitCode, boolean active) {

        public Definition {
            communityCodes = communityCodes == null ? List.of() : communityCodes.stream().distinct().sorted().toList();
            compounds = compounds == null ? List.of() : List.copyOf(compounds);
        }
    }

    public static Partner of(String code, Definition d, String orgPath, long version) {
        return new Partner(code, d.kind(), d.name(), d.communityCodes(), d.compounds(), d.contact(), d.partyUnitCode(),
                orgPath, d.active(), version);
    }

    public boolean matches(Definition d, String path) {
        return kind == d.kind() && name.equals(d.name()) && communityCodes.equals(d.communityCodes())
                && compounds.equals(d.compounds()) && Objects.equals(contact, d.contact())
                && Objects.equals(partyUnitCode, d.partyUnitCode()) && orgPath.equals(path)
                && active == d.active();
    }

    public PartnerFacts facts() {
        return new PartnerFacts(code, kind, name, communityCodes, orgPath, active);
    }
}
