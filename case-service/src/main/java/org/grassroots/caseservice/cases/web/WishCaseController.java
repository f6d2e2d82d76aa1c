package org.grassroots.caseservice.cases.web;

import java.net.URI;
import java.util.Map;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 微心愿转诉求: a wish on the wish wall that needs a department becomes a case. volunteer-service
 * calls this with the community staff member's token when they refer the wish; the same wish twice
 * answers the same case (200), the first time 201. The case's {@code externalId} is the wish's id.
 */
@RestController
class WishCaseController {

    private final CaseService cases;

    WishCaseController(CaseService cases) {
        this.cases = cases;
    }

    /** The wish and the case staff make of it: category, what is to be done (staff's words), where. */
    record WishCaseRequest(
            @NotBlank @Size(max = 64) String wishId,
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
            String categoryCode,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Valid ReportCaseRequest.Point point,
            @Size(max = 200) String locationDescription,
            @Size(max = 30) Map<String, Object> answers) {
    }

    @PostMapping("/api/cases/from-wish")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<CaseResponse> fromWish(@Valid @RequestBody WishCaseRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        String orgPath = caller.orgPath() != null ? caller.orgPath() : "/unlocated";
        CaseService.Intake intake = cases.reportFromWish(request.wishId().strip(), new Case.NewReport(
                request.categoryCode(), request.description().strip(),
                new GeoPoint(request.point().lon(), request.point().lat()), request.locationDescription(),
                Channel.WISH_WALL, caller.userId(), orgPath, false), request.answers(),
                authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : null);
        CaseResponse body = CaseResponse.of(intake.aCase(), caller);
        return intake.created() ? ResponseEntity.created(URI.create("/api/cases/" + body.id())).body(body)
                : ResponseEntity.ok(body);
    }
}
