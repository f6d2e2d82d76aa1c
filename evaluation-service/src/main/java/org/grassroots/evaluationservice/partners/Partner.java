package org.grassroots.evaluationservice.partners;

import java.util.List;

import org.grassroots.contracts.orgs.PartnerKind;

/**
 * A partner as org-service registered it (物业服务企业, 社会组织 …), known here from its
 * {@code partner-registered} and {@code partner-updated} events on {@code org-events}. org-service
 * owns partners; evaluation-service rates them by their code and keeps no registration of its own.
 *
 * @param code           org-service's partner code: the id evaluation's ratings of the partner use
 * @param communityCodes the communities it serves; cases there may count as complaints about a property company
 * @param orgPath        the deepest path holding those communities: who may see and assess it
 * @param active         false once the partnership ended; its evaluations stay readable
 * @param version        the partner's version in org-service, as the latest event applied carried it
 */
public record Partner(String code, PartnerKind kind, String name, List<String> communityCodes, String orgPath,
        boolean active, long version) {

    public Partner {
        communityCodes = communityCodes == null ? List.of() : List.copyOf(communityCodes);
    }
}
