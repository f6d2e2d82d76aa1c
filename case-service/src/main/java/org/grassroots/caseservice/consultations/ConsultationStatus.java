package org.grassroots.caseservice.consultations;

/** Where a consultation stands: called, met, agreed, every part carried out, or called off. */
public enum ConsultationStatus {
    SCHEDULED,
    HELD,
    DECIDED,
    CARRIED_OUT,
    CANCELLED
}
