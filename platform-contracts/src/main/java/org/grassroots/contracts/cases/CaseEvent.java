package org.grassroots.contracts.cases;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Something that happened to an appeal case, published on {@code case-events} keyed by the case
 * id. Every event carries the full {@link CaseFacts} after the change, so a consumer can act on
 * any single event without having seen the ones before it.
 *
 * <p>People appear only as user ids (the token subject) or department ids, never by name or phone.
 */
public sealed interface CaseEvent extends IntegrationEvent
        permits CaseReported, CaseAccepted, CaseCancelled, CaseDispatched, CaseClaimed, CaseReturned,
        CaseResolved, CaseVerified, CaseClosed, CaseReopened, CaseEscalated, CaseWhistled,
        CaseDepartmentReportedIn, CaseExtended, CaseParked, CaseSupervised, CaseSlaWarning, CaseOverdue,
        CasePaused, CaseResumed, CaseLocated, CaseAttachmentsAdded, CaseTakenUp {

    String caseId();

    CaseFacts facts();

    @Override
    default String subject() {
        return caseId();
    }
}
