package org.grassroots.contracts.cases;

/**
 * One part of a consultation's decision and who carries it out.
 *
 * @param partId      the part's id within its consultation (1, 2, 3 …)
 * @param task        what is to be done
 * @param carriedOutBy the party that carries it out
 */
public record DecisionPart(String partId, String task, ConsultationParty carriedOutBy) {

    public DecisionPart {
        Require.text(partId, "partId");
        Require.text(task, "task");
        Require.present(carriedOutBy, "carriedOutBy");
    }
}
