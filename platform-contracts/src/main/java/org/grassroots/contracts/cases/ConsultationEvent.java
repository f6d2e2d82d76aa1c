package org.grassroots.contracts.cases;

import org.grassroots.contracts.IntegrationEvent;

/**
 * A step of a consultation on a case (小板凳协商, 连心晨会, 红色议事厅, 民主协商), published on
 * {@code case-events} keyed by the consultation id: a consultation is an aggregate of its own,
 * so its versions count its own steps, and {@link #caseId()} names the case it is about.
 * Minutes are not carried (they may quote residents); parties appear as kind and id only.
 */
public sealed interface ConsultationEvent extends IntegrationEvent
        permits ConsultationScheduled, ConsultationHeld, ConsultationDecided, ConsultationPartDispatched,
        ConsultationPartDone, ConsultationCancelled {

    String consultationId();

    /** The case the consultation is about. */
    String caseId();

    @Override
    default String subject() {
        return consultationId();
    }
}
