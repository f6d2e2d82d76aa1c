package org.grassroots.caseservice.cases.web;

import java.net.URI;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseService;
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
                caller.userId(), orgPath));
        return ResponseEntity.created(URI.create("/api/cases/" + reported.id())).body(CaseResponse.of(reported));
    }

    @GetMapping("/{id}")
    CaseResponse get(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.get(id, caller));
    }
}
