package org.grassroots.volunteerservice.registrations;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a registration is stored; the outbox array beside these fields belongs to the platform's relay. */
@Document("registrations")
record RegistrationDocument(
        @Id String id,
        String memberId,
        String orgPath,
        String communityId,
        String workUnit,
        String note,
        Instant requestedAt,
        Registration.Status status,
        String decidedBy,
        Instant decidedAt,
        String decisionNote,
        Instant endedAt,
        long version) {

    static RegistrationDocument of(Registration r) {
        return new RegistrationDocument(r.id(), r.memberId(), r.orgPath(), r.communityId(), r.workUnit(), r.note(),
                r.requestedAt(), r.status(), r.decidedBy(), r.decidedAt(), r.decisionNote(), r.endedAt(), r.version());
    }

    Registration toRegistration() {
        return new Registration(id, memberId, orgPath, workUnit, note, requestedAt, status, decidedBy, decidedAt,
                decisionNote, endedAt, version);
    }
}
