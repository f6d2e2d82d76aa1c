package org.grassroots.caseservice.consultations.web;

import java.net.URI;
import java.util.List;

import org.grassroots.caseservice.consultations.Consultation;
import org.grassroots.caseservice.consultations.ConsultationService;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.CancelConsultationRequest;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.CompletePartRequest;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.DecideConsultationRequest;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.DispatchPartRequest;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.HoldConsultationRequest;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.PartyBody;
import org.grassroots.caseservice.consultations.web.ConsultationRequests.ScheduleConsultationRequest;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

/**
 * Consultations on a case (小板凳协商, 连心晨会, 红色议事厅, 民主协商). The role checks here are the coarse
 * gate; who may act on which consultation is {@link ConsultationService}'s rule.
 */
@RestController
class ConsultationController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";
    private static final String BASE = "/api/cases/{caseId}/consultations";

    private final ConsultationService consultations;

    ConsultationController(ConsultationService consultations) {
        this.consultations = consultations;
    }

    @GetMapping(BASE)
    @PreAuthorize("isAuthenticated()")
    List<ConsultationResponse> list(@PathVariable String caseId, Caller caller) {
        return consultations.ofCase(caseId, caller).stream().map(ConsultationResponse::of).toList();
    }

    @PostMapping(BASE)
    @PreAuthorize(STAFF)
    ResponseEntity<ConsultationResponse> schedule(@PathVariable String caseId,
            @Valid @RequestBody ScheduleConsultationRequest request, Caller caller) {
        Consultation called = consultations.schedule(caseId, request.toDraft(), caller);
        return ResponseEntity.created(URI.create("/api/cases/" + caseId + "/consultations/" + called.id()))
                .body(ConsultationResponse.of(called, true));
    }

    @GetMapping(BASE + "/{consultationId}")
    @PreAuthorize("isAuthenticated()")
    ConsultationResponse get(@PathVariable String caseId, @PathVariable String consultationId, Caller caller) {
        return ConsultationResponse.of(consultations.get(caseId, consultationId, caller));
    }

    @PostMapping(BASE + "/{consultationId}/hold")
    @PreAuthorize(STAFF)
    ConsultationResponse hold(@PathVariable String caseId, @PathVariable String consultationId,
            @Valid @RequestBody HoldConsultationRequest request, Caller caller) {
        return ConsultationResponse.of(consultations.hold(caseId, consultationId, request.version(),
                PartyBody.all(request.attended()), request.minutes(), request.heldAt(), caller), true);
    }

    @PostMapping(BASE + "/{consultationId}/decide")
    @PreAuthorize(STAFF)
    ConsultationResponse decide(@PathVariable String caseId, @PathVariable String consultationId,
            @Valid @RequestBody DecideConsultationRequest request, Caller caller) {
        return ConsultationResponse.of(consultations.decide(caseId, consultationId, request.version(),
                request.decision(), request.drafts(), caller), true);
    }

    @PostMapping(BASE + "/{consultationId}/cancel")
    @PreAuthorize(STAFF)
    ConsultationResponse cancel(@PathVariable String caseId, @PathVariable String consultationId,
            @Valid @RequestBody CancelConsultationRequest request, Caller caller) {
        return ConsultationResponse.of(consultations.cancel(caseId, consultationId, request.version(),
                request.reason(), caller), true);
    }

    @PostMapping(BASE + "/{consultationId}/parts/{partId}/dispatch")
    @PreAuthorize(STAFF)
    ConsultationResponse dispatchPart(@PathVariable String caseId, @PathVariable String consultationId,
            @PathVariable String partId, @Valid @RequestBody DispatchPartRequest request, Caller caller) {
        return ConsultationResponse.of(consultations.dispatchPart(caseId, consultationId, partId, request.version(),
                request.assignee().toAssignee(), caller), true);
    }

    @PostMapping(BASE + "/{consultationId}/parts/{partId}/complete")
    @PreAuthorize("isAuthenticated()")
    ConsultationResponse completePart(@PathVariable String caseId, @PathVariable String consultationId,
            @PathVariable String partId, @Valid @RequestBody CompletePartRequest request, Caller caller) {
        return ConsultationResponse.of(consultations.completePart(caseId, consultationId, partId, request.version(),
                request.note(), caller), true);
    }

    /**
     * The consultations with a part dispatched to the caller's department or to the caller, in the
     * order they were called, one page at a time ({@code size} 1 to 500, 20 by default).
     */
    @GetMapping("/api/cases/consultations/assigned")
    @PreAuthorize("hasAnyRole('department_staff', 'party_member', 'grid_worker')")
    Page<ConsultationResponse> assigned(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return consultations.assignedToCaller(caller, Paging.of(page, size))
                .map(consultation -> ConsultationResponse.of(consultation, true));
    }
}
