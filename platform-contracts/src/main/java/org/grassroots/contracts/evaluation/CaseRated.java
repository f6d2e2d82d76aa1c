package org.grassroots.contracts.evaluation;

import java.time.Instant;

import org.grassroots.contracts.EventChecks;
import org.grassroots.contracts.IntegrationEvent;

/**
 * The reporter rated a closed case (评价), or staff entered the rating from a follow-up call
 * (回访) on the reporter's behalf. A case is rated once. A {@link Satisfaction#DISSATISFIED}
 * rating makes case-service reopen the case for rework (发回重办).
 *
 * <p>Keyed by the case id, so the rating lands on the same partition order as the case it is
 * about. The reporter's comment stays in evaluation-service: free text may hold personal data.
 *
 * @param caseId           the rated case, also the event's subject and Kafka key
 * @param aggregateVersion the rating's version, 1 when it is first given
 * @param orgPath          the org path of the case's area
 * @param occurredAt       when the rating was given
 * @param ratingId         the rating's id in evaluation-service
 * @param caseNumber       the case number people quote
 * @param categoryCode     the case's category
 * @param communityId      the community the case belongs to, when known
 * @param departmentId     the department that handled the case, when one did
 * @param satisfaction     the answer
 * @param followUpCall     whether staff entered it from a follow-up call rather than the reporter
 */
public record CaseRated(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        String ratingId,
        String caseNumber,
        String categoryCode,
        String communityId,
        String departmentId,
        Satisfaction satisfaction,
        boolean followUpCall) implements IntegrationEvent {

    public CaseRated {
        EventChecks.envelope(caseId, "caseId", aggregateVersion, orgPath, occurredAt);
        EventChecks.text(ratingId, "ratingId");
        EventChecks.text(caseNumber, "caseNumber");
        EventChecks.present(satisfaction, "satisfaction");
    }

    @Override
    public String subject() {
        return caseId;
    }
}
