package org.grassroots.caseservice.consultations.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.consultations.Consultation;
import org.grassroots.caseservice.consultations.ConsultationService.Seen;
import org.grassroots.caseservice.consultations.ConsultationStatus;
import org.grassroots.caseservice.consultations.Part;
import org.grassroots.caseservice.consultations.Party;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.ConsultationFormat;
import org.grassroots.contracts.cases.ConsultationPartyKind;

/**
 * A consultation. {@code view} says what the caller sees: {@code STAFF} sees everything;
 * {@code RESIDENT} (the case's reporter) sees a decided consultation's topic, time, place, decision
 * and parts, with only organisations named, and not who was invited or came, nor the minutes.
 */
record ConsultationResponse(String id, String caseId, String view, ConsultationFormat format, String topic,
        Instant startsAt, String place, ConsultationStatus status, long version, List<PartyResponse> invited,
        Instant heldAt, List<PartyResponse> attended, String minutes, String decision, Instant decidedAt,
        List<PartResponse> parts, String cancelReason) {

    record PartyResponse(ConsultationPartyKind kind, String id, String label) {

        static PartyResponse of(Party party, boolean whole) {
            if (whole) {
                return new PartyResponse(party.kind(), party.id(), party.label());
            }
            return new PartyResponse(party.kind(), null, party.isOrganisation() ? party.label() : null);
        }
    }

    record PartResponse(String partId, String task, PartyResponse carriedOutBy, Assignee assignee,
            Instant dispatchedAt, boolean done, Instant doneAt, String doneNote) {

        static PartResponse of(Part part, boolean whole) {
            return new PartResponse(part.partId(), part.task(), PartyResponse.of(part.carriedOutBy(), whole),
                    whole ? part.assignee() : null, whole ? part.dispatchedAt() : null, part.isDone(), part.doneAt(),
                    part.doneNote());
        }
    }

    static ConsultationResponse of(Seen seen) {
        return of(seen.consultation(), seen.whole());
    }

    static ConsultationResponse of(Consultation consultation, boolean whole) {
        return new ConsultationResponse(consultation.id(), consultation.caseId(), whole ? "STAFF" : "RESIDENT",
                consultation.format(), consultation.topic(), consultation.startsAt(), consultation.place(),
                consultation.status(), consultation.version(),
                whole ? consultation.invited().stream().map(party -> PartyResponse.of(party, true)).toList() : null,
                consultation.heldAt(),
                whole ? consultation.attended().stream().map(party -> PartyResponse.of(party, true)).toList() : null,
                whole ? consultation.minutes() : null, consultation.decision(), consultation.decidedAt(),
                consultation.parts().stream().map(part -> PartResponse.of(part, whole)).toList(),
                whole ? consultation.cancelReason() : null);
    }
}
