package org.grassroots.contracts.cases;

/**
 * A party to a consultation.
 *
 * @param kind what kind of party
 * @param id   the department id, partner id, user id, org unit code or representatives' id (see {@link ConsultationPartyKind})
 */
public record ConsultationParty(ConsultationPartyKind kind, String id) {

    public ConsultationParty {
        Require.present(kind, "kind");
        Require.text(id, "id");
    }
}
