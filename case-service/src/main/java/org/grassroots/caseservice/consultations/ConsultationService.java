package org.grassroots.caseservice.consultations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.caseservice.targets.TargetChecks;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.ConsultationEvent;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.stereotype.Service;

/**
 * Consultations on cases, each command checking who may do it:
 * <ul>
 *   <li>call, hold, decide, cancel and dispatch parts: staff of the case's area (社区, 街道, 区);</li>
 *   <li>a part is reported done by whoever it is dispatched to, or by staff of the area;</li>
 *   <li>whoever may see the case sees its consultations; its reporter (a resident) sees only the
 *       decided ones, and of them what was agreed and who does what, not the minutes or who came;</li>
 *   <li>whoever a part is dispatched to sees that consultation even without seeing the case.</li>
 * </ul>
 * Anyone else is told the case does not exist (404), as for the case itself.
 */
@Service
public class ConsultationService {

    private final ConsultationRepository consultations;
    private final CaseService cases;
    private final TargetChecks targets;
    private final Clock clock;

    ConsultationService(ConsultationRepository consultations, CaseService cases, TargetChecks targets, Clock clock) {
        this.consultations = consultations;
        this.cases = cases;
        this.targets = targets;
        this.clock = clock;
    }

    /** A consultation as one caller may see it: whole, or as the resident who reported the case. */
    public record Seen(Consultation consultation, boolean whole) {
    }

    /** Calls a consultation on an open or parked case of the caller's area. */
    public Consultation schedule(String caseId, Consultation.NewConsultation draft, Caller caller) {
        Case aCase = cases.get(caseId, caller);
        requireStaffOfArea(aCase.orgPath(), caller);
        if (aCase.status() == CaseStatus.CLOSED || aCase.status() == CaseStatus.CANCELLED) {
            throw new InvalidStateException("A case that is " + aCase.status()
                    + " takes no consultation; reopen it first if it needs the residents' agreement");
        }
        Consultation.Scheduled called = Consultation.schedule(UUID.randomUUID().toString(), caseId, aCase.orgPath(),
                draft, caller.userId(), clock.instant());
        consultations.add(called.consultation(), List.of(called.event()));
        return called.consultation();
    }

    /** The consultations of a case the caller may see, in the order they were called. */
    public List<Seen> ofCase(String caseId, Caller caller) {
        Case aCase;
        try {
            aCase = cases.get(caseId, caller);
        } catch (NotFoundException notVisible) {
            List<Seen> assigned = consultations.ofCase(caseId).stream()
                    .filter(consultation -> isPartAssignee(consultation, caller))
                    .map(consultation -> new Seen(consultation, true)).toList();
            if (assigned.isEmpty()) {
                throw notVisible;
            }
            return assigned;
        }
        boolean whole = seesWhole(aCase, caller);
        return consultations.ofCase(caseId).stream().filter(consultation -> whole || consultation.isDecided())
                .map(consultation -> new Seen(consultation, whole)).toList();
    }

    public Seen get(String caseId, String consultationId, Caller caller) {
        return ofCase(caseId, caller).stream().filter(seen -> seen.consultation().id().equals(consultationId))
                .findFirst().orElseThrow(() -> new NotFoundException("Consultation", consultationId));
    }

    /**
     * One page of the consultations with a part dispatched to the caller's department (department
     * staff) or to the caller (as party member or grid worker), in the order they were called.
     */
    public Page<Consultation> assignedToCaller(Caller caller, Paging paging) {
        List<Assignee> asWhom = new ArrayList<>();
        if (caller.hasRole(Roles.DEPARTMENT_STAFF) && caller.departmentId() != null) {
            asWhom.add(new Assignee(AssigneeKind.DEPARTMENT, caller.departmentId(), null));
        }
        if (caller.hasRole(Roles.PARTY_MEMBER)) {
            asWhom.add(new Assignee(AssigneeKind.PARTY_MEMBER, caller.userId(), null));
        }
        if (caller.hasRole(Roles.GRID_WORKER)) {
            asWhom.add(new Assignee(AssigneeKind.GRID_WORKER, caller.userId(), null));
        }
        return asWhom.isEmpty() ? Page.of(List.of(), paging, 0) : consultations.assignedTo(asWhom, paging);
    }

    public Consultation hold(String caseId, String consultationId, Long expectedVersion, List<Party> attended,
            String minutes, Instant heldAt, Caller caller) {
        return change(caseId, consultationId, expectedVersion, caller,
                (consultation, now) -> consultation.hold(attended, minutes, heldAt, caller.userId(), now));
    }

    public Consultation decide(String caseId, String consultationId, Long expectedVersion, String decision,
            List<Consultation.PartDraft> parts, Caller caller) {
        return change(caseId, consultationId, expectedVersion, caller,
                (consultation, now) -> consultation.decide(decision, parts, caller.userId(), now));
    }

    public Consultation cancel(String caseId, String consultationId, Long expectedVersion, String reason,
            Caller caller) {
        return change(caseId, consultationId, expectedVersion, caller,
                (consultation, now) -> consultation.cancel(reason, caller.userId(), now));
    }

    public Consultation dispatchPart(String caseId, String consultationId, String partId, Long expectedVersion,
            Assignee to, Caller caller) {
        return change(caseId, consultationId, expectedVersion, caller, (consultation, now) -> {
            consultation.part(partId);
            targets.requireAssignable(to);
            return consultation.dispatchPart(partId, to, caller.userId(), now);
        });
    }

    public Consultation completePart(String caseId, String consultationId, String partId, Long expectedVersion,
            String note, Caller caller) {
        Consultation consultation = find(caseId, consultationId, caller);
        Part part = consultation.part(partId);
        if (!isStaffOfArea(consultation.orgPath(), caller) && !isAssignee(part.assignee(), caller)) {
            throw new ForbiddenException("Only whoever the part is dispatched to, or staff of the case's area,"
                    + " may report it done");
        }
        return store(consultation, expectedVersion,
                (changed, now) -> changed.completePart(partId, note, caller.userId(), now));
    }

    private Consultation change(String caseId, String consultationId, Long expectedVersion, Caller caller,
            BiFunction<Consultation, Instant, ConsultationEvent> command) {
        Consultation consultation = find(caseId, consultationId, caller);
        requireStaffOfArea(consultation.orgPath(), caller);
        return store(consultation, expectedVersion, command);
    }

    /** Runs the command and stores the change only if nobody changed the consultation meanwhile. */
    private Consultation store(Consultation consultation, Long expectedVersion,
            BiFunction<Consultation, Instant, ConsultationEvent> command) {
        long read = consultation.version();
        if (expectedVersion != null && expectedVersion != read) {
            throw new VersionConflictException("Consultation", consultation.id(), expectedVersion);
        }
        consultations.update(consultation, read, List.of(command.apply(consultation, clock.instant())));
        return consultation;
    }

    /** The consultation, if the caller may see it at all (404 otherwise, for the case or the consultation). */
    private Consultation find(String caseId, String consultationId, Caller caller) {
        Seen seen = get(caseId, consultationId, caller);
        if (!seen.whole()) {
            throw new ForbiddenException("Only staff of the case's area may change a consultation");
        }
        return seen.consultation();
    }

    /** The case's reporter sees the resident's view unless they are also staff of its area. */
    private static boolean seesWhole(Case aCase, Caller caller) {
        return !aCase.isReportedBy(caller.userId()) || caller.maySeeOrgPath(aCase.orgPath());
    }

    private static boolean isStaffOfArea(String orgPath, Caller caller) {
        return caller.maySeeOrgPath(orgPath) && (caller.isPlatformAdmin()
                || caller.hasAnyRole(Roles.COMMUNITY_STAFF, Roles.STREET_STAFF, Roles.DISTRICT_ADMIN));
    }

    private static void requireStaffOfArea(String orgPath, Caller caller) {
        if (!isStaffOfArea(orgPath, caller)) {
            throw new ForbiddenException("Only community, street or district staff of the case's area may do this");
        }
    }

    private static boolean isPartAssignee(Consultation consultation, Caller caller) {
        return consultation.parts().stream().anyMatch(part -> isAssignee(part.assignee(), caller));
    }

    private static boolean isAssignee(Assignee assignee, Caller caller) {
        if (assignee == null) {
            return false;
        }
        return switch (assignee.kind()) {
            case DEPARTMENT -> caller.hasRole(Roles.DEPARTMENT_STAFF) && assignee.id().equals(caller.departmentId());
            case PARTY_MEMBER -> caller.hasRole(Roles.PARTY_MEMBER) && caller.isSubject(assignee.id());
            case GRID_WORKER -> caller.hasRole(Roles.GRID_WORKER) && caller.isSubject(assignee.id());
        };
    }
}
