package org.grassroots.caseservice.onbehalf.web;

import java.net.URI;
import java.util.Map;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.onbehalf.OnBehalfIntake;
import org.grassroots.caseservice.onbehalf.OnBehalfIntake.CallerContact;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * 代为登记: {@code POST /api/cases/on-behalf} files a walk-in or phone complaint for a resident,
 * {@code GET /api/cases/{id}/caller-contact} reads the resident's contact back for staff of the area.
 * The case itself is read as any other ({@code GET /api/cases/{id}}); it never shows the contact.
 */
@RestController
class OnBehalfController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final OnBehalfIntake intake;

    OnBehalfController(OnBehalfIntake intake) {
        this.intake = intake;
    }

    /** The resident's name (optional) and phone, as the staff member took them down. */
    record CallerBody(@Size(max = 50) String name, @NotBlank @Size(max = 20) String phone) {
    }

    record OnBehalfCaseRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
            String categoryCode,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Valid Point point,
            @Size(max = 200) String locationDescription,
            Boolean emergency,
            @Size(max = 30) Map<String, Object> answers,
            @NotNull Channel channel,
            @NotNull @Valid CallerBody caller) {

        record Point(@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
        }
    }

    /** The case as filed: enough to open it; the contact is not echoed. */
    record OnBehalfCaseResponse(String id, String number, CaseStatus status, Channel channel, String orgPath) {
    }

    record CallerContactResponse(String name, String phone) {
    }

    @PostMapping("/api/cases/on-behalf")
    @PreAuthorize(STAFF)
    ResponseEntity<OnBehalfCaseResponse> record(@Valid @RequestBody OnBehalfCaseRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        String orgPath = caller.orgPath() != null ? caller.orgPath() : "/unlocated";
        Case filed = intake.record(new Case.NewReport(request.categoryCode(), request.description().strip(),
                new GeoPoint(request.point().lon(), request.point().lat()), request.locationDescription(),
                request.channel(), caller.userId(), orgPath, Boolean.TRUE.equals(request.emergency())),
                request.answers(), new CallerContact(request.caller().name(), request.caller().phone()),
                authorization.startsWith("Bearer ") ? authorization.substring(7) : authorization, caller);
        return ResponseEntity.created(URI.create("/api/cases/" + filed.id())).body(new OnBehalfCaseResponse(
                filed.id(), filed.number(), filed.status(), filed.channel(), filed.orgPath()));
    }

    @GetMapping("/api/cases/{id}/caller-contact")
    @PreAuthorize(STAFF)
    CallerContactResponse contact(@PathVariable String id, Caller caller) {
        CallerContact contact = intake.contact(id, caller);
        return new CallerContactResponse(contact.name(), contact.phone());
    }
}
