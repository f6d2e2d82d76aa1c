package org.grassroots.caseservice.consultations;

import java.time.Instant;
import java.util.List;

import org.grassroots.contracts.cases.ConsultationFormat;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a consultation is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document(ConsultationDocument.COLLECTION)
record ConsultationDocument(
        @Id String id,
        String caseId,
        String orgPath,
        ConsultationFormat format,
        String topic,
        Instant startsAt,
        String place,
        List<Party> invited,
        String scheduledBy,
        Instant scheduledAt,
        ConsultationStatus status,
        long version,
        Instant heldAt,
        List<Party> attended,
        String minutes,
        String decision,
        Instant decidedAt,
        List<Part> parts,
        List<String> partAssigneeIds,
        String cancelReason) {

    static final String COLLECTION = "consultations";

    static ConsultationDocument of(Consultation consultation) {
        return new ConsultationDocument(consultation.id(), consultation.caseId(), consultation.orgPath(),
                consultation.format(), consultation.topic(), consultation.startsAt(), consultation.place(),
                consultation.invited(), consultation.scheduledBy(), consultation.scheduledAt(), consultation.status(),
                consultation.version(), consultation.heldAt(), consultation.attended(), consultation.minutes(),
                consultation.decision(), consultation.decidedAt(), consultation.parts(),
                consultation.parts().stream().filter(part -> part.assignee() != null)
                        .map(part -> part.assignee().id()).distinct().toList(),
                consultation.cancelReason());
    }

    Consultation toConsultation() {
        Consultation consultation = new Consultation(id, caseId, orgPath, format, topic, startsAt, place,
                invited == null ? List.of() : invited, scheduledBy, scheduledAt, status, version);
        consultation.restore(heldAt, attended, minutes, decision, decidedAt, parts, cancelReason);
        return consultation;
    }
}
