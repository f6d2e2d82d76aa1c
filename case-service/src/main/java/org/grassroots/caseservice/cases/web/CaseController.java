package org.grassroots.caseservice.cases.web;

import java.net.URI;
import java.util.List;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.AcceptCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.CancelCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ClaimCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.DispatchCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ParkCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ResolveCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ReturnCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.VerifyCaseRequest;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;

@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseService cases;

    CaseController(CaseService cases) {
        this.cases = cases;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('resident', 'grid_worker', 'party_member', 'volunteer')")
    ResponseEntity<CaseResponse> report(@Valid @RequestBody ReportCaseRequest request, Caller caller) {
        Channel channel = caller.hasRole(Roles.GRID_WORKER) ? Channel.GRID_WORKER : Channel.RESIDENT_APP;
        // Until grid-service locates the point, a case belongs to the reporter's own area.
        String orgPath = caller.orgPath() != null ? caller.orgPath() : "/unlocated";
        Case reported = cases.report(new Case.NewReport(request.categoryCode(), request.description().strip(),
                new GeoPoint(request.point().lon(), request.point().lat()), request.locationDescription(), channel,
                caller.userId(), orgPath, Boolean.TRUE.equals(request.emergency())));
        return ResponseEntity.created(URI.create("/api/cases/" + reported.id())).body(CaseResponse.of(reported));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    CaseResponse get(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.get(id, caller));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("isAuthenticated()")
    List<CaseHistoryResponse> history(@PathVariable String id, Caller caller) {
        return cases.history(id, caller).stream().map(CaseHistoryResponse::of).toList();
    }

    // The workflow commands (POST /api/cases/{id}/{command}); who may run each is the service's rule.

    @PostMapping("/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    CaseResponse accept(@PathVariable String id, @Valid @RequestBody(required = false) AcceptCaseRequest request,
            Caller caller) {
        AcceptCaseRequest body = request != null ? request : new AcceptCaseRequest(null, null);
        return CaseResponse.of(cases.accept(id, body.version(), body.note(), caller));
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("isAuthenticated()")
    CaseResponse cancel(@PathVariable String id, @Valid @RequestBody CancelCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.cancel(id, request.version(), request.reason().strip(), caller));
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize("isAuthenticated()")
    CaseResponse dispatch(@PathVariable String id, @Valid @RequestBody DispatchCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.dispatch(id, request.version(), request.assignee().toAssignee(), request.note(),
                caller));
    }

    @PostMapping("/{id}/claim")
    @PreAuthorize("isAuthenticated()")
    CaseResponse claim(@PathVariable String id, @Valid @RequestBody(required = false) ClaimCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.claim(id, request != null ? request.version() : null, caller));
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("isAuthenticated()")
    CaseResponse returnCase(@PathVariable String id, @Valid @RequestBody ReturnCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.returnToDispatcher(id, request.version(), request.reason().strip(), caller));
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("isAuthenticated()")
    CaseResponse resolve(@PathVariable String id, @Valid @RequestBody ResolveCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.resolve(id, request.version(), request.note().strip(),
                request.attachments() == null ? List.of() : request.attachments(), caller));
    }

    @PostMapping("/{id}/verify")
    @PreAuthorize("isAuthenticated()")
    CaseResponse verify(@PathVariable String id, @Valid @RequestBody VerifyCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.verify(id, request.version(), request.passed(), request.note(), caller));
    }

    @PostMapping("/{id}/park")
    @PreAuthorize("isAuthenticated()")
    CaseResponse park(@PathVariable String id, @Valid @RequestBody ParkCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.park(id, request.version(), request.reason().strip(), caller));
    }
}
