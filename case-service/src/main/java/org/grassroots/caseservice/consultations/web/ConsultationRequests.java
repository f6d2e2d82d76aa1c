package org.grassroots.caseservice.consultations.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.caseservice.consultations.Consultation;
import org.grassroots.caseservice.consultations.Party;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.ConsultationFormat;
import org.grassroots.contracts.cases.ConsultationPartyKind;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The bodies of {@code POST /api/cases/{caseId}/consultations/**}. A command's body may carry the
 * {@code version} of the consultation the caller last saw: if it changed since, 409.
 */
final class ConsultationRequests {

    private ConsultationRequests() {
    }

    /** A party: kind and id, and the label staff read (never a person's phone or ID number). */
    record PartyBody(ConsultationPartyKind kind, @Size(max = 64) String id, @Size(max = 100) String label) {

        Party toParty() {
            return new Party(kind, id, label);
        }

        static List<Party> all(List<PartyBody> bodies) {
            return bodies == null ? null : bodies.stream().map(body -> body == null ? null : body.toParty()).toList();
        }
    }

    record ScheduleConsultationRequest(ConsultationFormat format, @Size(max = 200) String topic, Instant startsAt,
            @Size(max = 200) String place, @Valid List<PartyBody> invited) {

        Consultation.NewConsultation toDraft() {
            return new Consultation.NewConsultation(format, topic, startsAt, place, PartyBody.all(invited));
        }
    }

    record HoldConsultationRequest(@Positive Long version, Instant heldAt, @Valid List<PartyBody> attended,
            @Size(max = 10000) String minutes) {
    }

    record PartBody(@Size(max = 500) String task, @Valid PartyBody carriedOutBy) {

        Consultation.PartDraft toDraft() {
            return new Consultation.PartDraft(task, carriedOutBy == null ? null : carriedOutBy.toParty());
        }
    }

    record DecideConsultationRequest(@Positive Long version, @Size(max = 2000) String decision,
            @Valid List<PartBody> parts) {

        List<Consultation.PartDraft> drafts() {
            return parts == null ? null : parts.stream().map(part -> part == null
                    ? new Consultation.PartDraft(null, null) : part.toDraft()).toList();
        }
    }

    record CancelConsultationRequest(@Positive Long version, @Size(max = 1000) String reason) {
    }

    /** A department id, or the user id of a party member or grid worker; the name as staff see it. */
    record DispatchPartRequest(@Positive Long version, @NotNull @Valid AssigneeBody assignee) {
    }

    record AssigneeBody(@NotNull AssigneeKind kind, @NotBlank @Size(max = 64) String id,
            @Size(max = 100) String displayName) {

        Assignee toAssignee() {
            return new Assignee(kind, id.strip(), displayName);
        }
    }

    record CompletePartRequest(@Positive Long version, @Size(max = 1000) String note) {
    }
}
