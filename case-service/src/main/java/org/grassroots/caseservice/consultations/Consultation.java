package org.grassroots.caseservice.consultations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.ConsultationCancelled;
import org.grassroots.contracts.cases.ConsultationDecided;
import org.grassroots.contracts.cases.ConsultationFormat;
import org.grassroots.contracts.cases.ConsultationHeld;
import org.grassroots.contracts.cases.ConsultationPartDispatched;
import org.grassroots.contracts.cases.ConsultationPartDone;
import org.grassroots.contracts.cases.ConsultationScheduled;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;

/**
 * A consultation on a case (小板凳协商, 连心晨会, 红色议事厅, 民主协商): called with a topic, time,
 * place and the parties invited; held, with who came and the minutes; decided, with who carries out
 * which part; its parts dispatched and done. Each command checks the state against
 * {@link ConsultationCommand} and returns the event it produced; every event advances the version by one.
 * It belongs to the case's area (its org path when it was called).
 */
public final class Consultation {

    /** At most this many parties are invited to one meeting, and as many parts decided. */
    public static final int MAX_PARTIES = 50;

    private final String id;
    private final String caseId;
    private final String orgPath;
    private final ConsultationFormat format;
    private final String topic;
    private final Instant startsAt;
    private final String place;
    private final List<Party> invited;
    private final String scheduledBy;
    private final Instant scheduledAt;
    private ConsultationStatus status;
    private long version;
    private Instant heldAt;
    private List<Party> attended = List.of();
    private String minutes;
    private String decision;
    private Instant decidedAt;
    private final List<Part> parts = new ArrayList<>();
    private String cancelReason;

    Consultation(String id, String caseId, String orgPath, ConsultationFormat format, String topic, Instant startsAt,
            String place, List<Party> invited, String scheduledBy, Instant scheduledAt, ConsultationStatus status,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.caseId = Objects.requireNonNull(caseId, "caseId");
        this.orgPath = Objects.requireNonNull(orgPath, "orgPath");
        this.format = Objects.requireNonNull(format, "format");
        this.topic = topic;
        this.startsAt = startsAt;
        this.place = place;
        this.invited = List.copyOf(invited);
        this.scheduledBy = scheduledBy;
        this.scheduledAt = scheduledAt;
        this.status = Objects.requireNonNull(status, "status");
        this.version = version;
    }

    /** Restores what a stored consultation knows beyond its calling. */
    void restore(Instant heldAt, List<Party> attended, String minutes, String decision, Instant decidedAt,
            List<Part> parts, String cancelReason) {
        this.heldAt = heldAt;
        this.attended = attended == null ? List.of() : List.copyOf(attended);
        this.minutes = minutes;
        this.decision = decision;
        this.decidedAt = decidedAt;
        this.parts.clear();
        if (parts != null) {
            this.parts.addAll(parts);
        }
        this.cancelReason = cancelReason;
    }

    /** What calling a consultation produced. */
    public record Scheduled(Consultation consultation, ConsultationScheduled event) {
    }

    /** A consultation as staff call it, already checked for shape. */
    public record NewConsultation(ConsultationFormat format, String topic, Instant startsAt, String place,
            List<Party> invited) {
    }

    /** A part of a decision as staff write it down. */
    public record PartDraft(String task, Party carriedOutBy) {
    }

    /** Calls a consultation on case {@code caseId} of the area {@code orgPath}: version 1, SCHEDULED. */
    public static Scheduled schedule(String id, String caseId, String orgPath, NewConsultation draft, String by,
            Instant now) {
        if (draft.format() == null) {
            throw new InvalidFieldException("format", "is required: SMALL_STOOL, MORNING_MEETING, RED_HALL or DEMOCRATIC");
        }
        requireText(draft.topic(), "topic", "is required: say what is to be agreed");
        if (draft.startsAt() == null) {
            throw new InvalidFieldException("startsAt", "is required: when the consultation meets");
        }
        requireText(draft.place(), "place", "is required: where the consultation meets");
        List<Party> invited = checkParties(draft.invited(), "invited");
        Consultation called = new Consultation(id, caseId, orgPath, draft.format(), draft.topic().strip(),
                draft.startsAt(), draft.place().strip(), invited, by, now, ConsultationStatus.SCHEDULED, 1);
        return new Scheduled(called, new ConsultationScheduled(id, 1, orgPath, now, caseId, called.format,
                called.topic, called.startsAt, called.place, invited.stream().map(Party::toContract).toList(), by));
    }

    /** The meeting took place at {@code at} (not later than now): who came, and the minutes. */
    public ConsultationHeld hold(List<Party> came, String minutesTaken, Instant at, String by, Instant now) {
        ConsultationCommand.HOLD.from(status);
        List<Party> present = checkParties(came, "attended");
        requireText(minutesTaken, "minutes", "are required: record what was said and by which side");
        Instant when = at == null ? now : at;
        if (when.isAfter(now)) {
            throw new InvalidFieldException("heldAt", "cannot be in the future");
        }
        status = ConsultationCommand.HOLD.from(status);
        heldAt = when;
        attended = present;
        minutes = minutesTaken.strip();
        version++;
        return new ConsultationHeld(id, version, orgPath, now, caseId, heldAt,
                present.stream().map(Party::toContract).toList(), by);
    }

    /**
     * The decision, and who carries out which part: each part by a party that was invited or came
     * (a party that was not at the table is not given work by it). Parts are numbered 1, 2, 3 ….
     */
    public ConsultationDecided decide(String agreed, List<PartDraft> drafts, String by, Instant now) {
        ConsultationCommand.DECIDE.from(status);
        requireText(agreed, "decision", "is required: what the consultation agreed, as residents will read it");
        if (drafts == null || drafts.isEmpty()) {
            throw new InvalidFieldException("parts", "must name at least one part and who carries it out");
        }
        if (drafts.size() > MAX_PARTIES) {
            throw new InvalidFieldException("parts", "may be at most " + MAX_PARTIES);
        }
        List<Part> decided = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            PartDraft draft = drafts.get(i);
            requireText(draft.task(), "parts[" + i + "].task", "is required: what is to be done");
            Party party = draft.carriedOutBy();
            if (party == null || party.kind() == null || party.id() == null || party.id().isBlank()) {
                throw new InvalidFieldException("parts[" + i + "].carriedOutBy", "is required: kind and id of the party");
            }
            Party atTheTable = atTheTable(party);
            if (atTheTable == null) {
                throw new InvalidFieldException("parts[" + i + "].carriedOutBy",
                        "was neither invited nor came: " + party.kind() + " " + party.id());
            }
            decided.add(Part.of(String.valueOf(i + 1), draft.task().strip(), atTheTable));
        }
        status = ConsultationCommand.DECIDE.from(status);
        decision = agreed.strip();
        decidedAt = now;
        parts.clear();
        parts.addAll(decided);
        version++;
        return new ConsultationDecided(id, version, orgPath, now, caseId, decision,
                parts.stream().map(Part::toContract).toList(), by);
    }

    /**
     * 派单 of a part to whoever follows it up. A part a department or a party member carries out goes
     * to that department or member; a part of a party without an account of its own (a property
     * company, a co-building unit, a social organisation, residents' representatives, the community)
     * goes to a grid worker or party member who follows it up. A part may be dispatched again until done.
     */
    public ConsultationPartDispatched dispatchPart(String partId, Assignee to, String by, Instant now) {
        ConsultationCommand.DISPATCH_PART.from(status);
        Objects.requireNonNull(to, "assignee");
        Part part = part(partId);
        if (part.isDone()) {
            throw new InvalidStateException("Part " + partId + " is already done; it is not dispatched again");
        }
        Party party = part.carriedOutBy();
        switch (party.kind()) {
            case DEPARTMENT -> requireAssignee(to, AssigneeKind.DEPARTMENT, party);
            case PARTY_MEMBER -> requireAssignee(to, AssigneeKind.PARTY_MEMBER, party);
            default -> {
                if (to.kind() == AssigneeKind.DEPARTMENT) {
                    throw new InvalidFieldException("assignee", "must be a grid worker or party member who follows"
                            + " up the part " + party.kind() + " " + party.id() + " carries out");
                }
            }
        }
        replace(part.dispatchedTo(to, now));
        version++;
        return new ConsultationPartDispatched(id, version, orgPath, now, caseId, partId, to, by);
    }

    /** A part is done; when it is the last, the decision is carried out. */
    public ConsultationPartDone completePart(String partId, String note, String by, Instant now) {
        ConsultationCommand.COMPLETE_PART.from(status);
        requireText(note, "note", "is required: say what was done");
        Part part = part(partId);
        if (part.isDone()) {
            throw new InvalidStateException("Part " + partId + " is already done");
        }
        replace(part.done(by, note.strip(), now));
        boolean allDone = parts.stream().allMatch(Part::isDone);
        if (allDone) {
            status = ConsultationStatus.CARRIED_OUT;
        }
        version++;
        return new ConsultationPartDone(id, version, orgPath, now, caseId, partId, note.strip(), by, allDone);
    }

    /** Called off before a decision, with the reason. */
    public ConsultationCancelled cancel(String reason, String by, Instant now) {
        requireText(reason, "reason", "is required to call a consultation off");
        status = ConsultationCommand.CANCEL.from(status);
        cancelReason = reason.strip();
        version++;
        return new ConsultationCancelled(id, version, orgPath, now, caseId, cancelReason, by);
    }

    /** The part with this id, or 404. */
    public Part part(String partId) {
        return parts.stream().filter(part -> part.partId().equals(partId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Consultation part", partId));
    }

    /** Whether a part of the decision is dispatched to this assignee. */
    public boolean hasPartFor(AssigneeKind kind, String assigneeId) {
        return parts.stream().anyMatch(part -> part.assignee() != null && part.assignee().kind() == kind
                && part.assignee().id().equals(assigneeId));
    }

    /** Whether the decision has been reached (and may be shown to the resident). */
    public boolean isDecided() {
        return status == ConsultationStatus.DECIDED || status == ConsultationStatus.CARRIED_OUT;
    }

    private Party atTheTable(Party party) {
        return Stream.concat(invited.stream(), attended.stream())
                .filter(each -> each.sameAs(party)).findFirst().orElse(null);
    }

    private void replace(Part changed) {
        parts.replaceAll(part -> part.partId().equals(changed.partId()) ? changed : part);
    }

    private static void requireAssignee(Assignee to, AssigneeKind kind, Party party) {
        if (to.kind() != kind || !to.id().equals(party.id())) {
            throw new InvalidFieldException("assignee", "must be " + kind + " " + party.id()
                    + ", the party that carries the part out");
        }
    }

    private static List<Party> checkParties(List<Party> parties, String field) {
        if (parties == null || parties.isEmpty()) {
            throw new InvalidFieldException(field, "must name at least one party");
        }
        if (parties.size() > MAX_PARTIES) {
            throw new InvalidFieldException(field, "may name at most " + MAX_PARTIES + " parties");
        }
        List<Party> checked = new ArrayList<>();
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            if (party == null || party.kind() == null) {
                throw new InvalidFieldException(field + "[" + i + "].kind", "is required");
            }
            if (party.id() == null || party.id().isBlank()) {
                throw new InvalidFieldException(field + "[" + i + "].id", "is required");
            }
            Party stripped = new Party(party.kind(), party.id().strip(),
                    party.label() == null || party.label().isBlank() ? null : party.label().strip());
            if (checked.stream().anyMatch(stripped::sameAs)) {
                throw new InvalidFieldException(field + "[" + i + "]", "names " + party.kind() + " " + party.id()
                        + " twice");
            }
            checked.add(stripped);
        }
        return List.copyOf(checked);
    }

    private static void requireText(String value, String field, String reason) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, reason);
        }
    }

    public String id() {
        return id;
    }

    public String caseId() {
        return caseId;
    }

    public String orgPath() {
        return orgPath;
    }

    public ConsultationFormat format() {
        return format;
    }

    public String topic() {
        return topic;
    }

    public Instant startsAt() {
        return startsAt;
    }

    public String place() {
        return place;
    }

    public List<Party> invited() {
        return invited;
    }

    public String scheduledBy() {
        return scheduledBy;
    }

    public Instant scheduledAt() {
        return scheduledAt;
    }

    public ConsultationStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant heldAt() {
        return heldAt;
    }

    public List<Party> attended() {
        return attended;
    }

    public String minutes() {
        return minutes;
    }

    public String decision() {
        return decision;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    public List<Part> parts() {
        return List.copyOf(parts);
    }

    public String cancelReason() {
        return cancelReason;
    }
}
