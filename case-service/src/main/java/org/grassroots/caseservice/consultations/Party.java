package org.grassroots.caseservice.consultations;

import org.grassroots.contracts.cases.ConsultationParty;
import org.grassroots.contracts.cases.ConsultationPartyKind;

/**
 * A party to a consultation as staff record it: kind and id, and the label staff read (区住建局,
 * 府前物业, 6号楼居民代表). Events carry kind and id only; the label stays in case-service.
 */
public record Party(ConsultationPartyKind kind, String id, String label) {

    public ConsultationParty toContract() {
        return new ConsultationParty(kind, id);
    }

    boolean sameAs(Party other) {
        return kind == other.kind && id.equals(other.id);
    }

    /** Whether the party is an organisation, whose label residents may read (not a person). */
    public boolean isOrganisation() {
        return kind != ConsultationPartyKind.PARTY_MEMBER && kind != ConsultationPartyKind.RESIDENT_REPRESENTATIVE;
    }
}
