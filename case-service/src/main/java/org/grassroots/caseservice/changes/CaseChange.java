package org.grassroots.caseservice.changes;

import java.time.Instant;

import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseStatus;

/**
 * What a console is told when a case in its caller's scope changed: enough to update a row or
 * decide to reload, nothing personal. The {@code data} of an SSE event {@code case-changed}.
 *
 * @param caseId     the case
 * @param number     its number, e.g. {@code GR-20261121-000001}
 * @param type       the event type, e.g. {@code org.grassroots.case.dispatched}
 * @param status     the status after the change
 * @param orgPath    the org path of the case's area after the change
 * @param version    the case's version after the change: a row showing an older one is stale
 * @param occurredAt when it happened
 */
public record CaseChange(String caseId, String number, String type, CaseStatus status, String orgPath, long version,
        Instant occurredAt) {

    public static CaseChange of(CaseEvent event) {
        return new CaseChange(event.caseId(), event.facts().number(), EventCatalog.typeOf(event.getClass()),
                event.facts().status(), event.orgPath(), event.aggregateVersion(), event.occurredAt());
    }
}
