package org.grassroots.contracts.cases;

import java.time.Instant;
import java.util.List;

/**
 * Departments were summoned to a case (吹哨); each must report in, see {@link CaseDepartmentReportedIn}.
 *
 * @param caseId           the case, also the event's subject and Kafka key
 * @param aggregateVersion the case's version after this change
 * @param orgPath          the org path of the case's grid, e.g. {@code /qjp/qjp-wangying/qjp-wangying-fuqian}
 * @param occurredAt       when it happened
 * @param facts            the case after this change
 * @param departmentIds    the departments summoned; at least one
 * @param whistledBy       user id of the person who blew the whistle
 * @param reason           what the departments are needed for
 */
public record CaseWhistled(
        String caseId,
        long aggregateVersion,
        String orgPath,
        Instant occurredAt,
        CaseFacts facts,
        List<String> departmentIds,
        String whistledBy,
        String reason) implements CaseEvent {

    public CaseWhistled {
        Require.caseEvent(caseId, aggregateVersion, orgPath, occurredAt, facts);
        departmentIds = Require.copy(departmentIds);
        if (departmentIds.isEmpty()) {
            throw new IllegalArgumentException("departmentIds must name at least one department");
        }
    }
}
