package org.grassroots.evaluationservice.ratings;

import java.time.Instant;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of case-service's case response ({@code GET /api/cases/{id}}) a rating needs, as
 * case-service guarantees it; anything else in the response is ignored.
 *
 * @param reportedByCaller true when the caller whose token was relayed reported the case
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseView(
        String id,
        String number,
        CaseStatus status,
        String categoryCode,
        String communityId,
        String orgPath,
        Instant reportedAt,
        Instant closedAt,
        Assignee assignee,
        boolean reportedByCaller) {

    /** The department the case was dispatched to, if it was. */
    String departmentId() {
        return assignee != null && assignee.kind() == AssigneeKind.DEPARTMENT ? assignee.id() : null;
    }
}
