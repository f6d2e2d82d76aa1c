package org.grassroots.orgservice.partners;

import java.util.List;

import org.grassroots.contracts.orgs.PartnerKind;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a partner is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document("partners")
record PartnerDocument(@Id String code, PartnerKind kind, String name, List<String> communityCodes,
        List<String> compounds, ContactPerson contact, String partyUnitCode, String orgPath, boolean active,
        long version) {

    static PartnerDocument of(Partner p) {
        return new PartnerDocument(p.code(), p.kind(), p.name(), p.communityCodes(), p.compounds(), p.contact(),
                p.partyUnitCode(), p.orgPath(), p.active(), p.version());
    }

    Partner toPartner() {
        return new Partner(code, kind, name, communityCodes, compounds, contact, partyUnitCode, orgPath, active, version);
    }
}
