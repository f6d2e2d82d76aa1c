package org.grassroots.volunteerservice.registrations.web;

import java.time.Instant;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.registrations.Registration;
import org.grassroots.volunteerservice.registrations.RegistrationService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Dual registration (双报到): party members ask, communities decide. */
@RestController
@RequestMapping("/api/registrations")
class RegistrationController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final RegistrationService registrations;

    RegistrationController(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @PostMapping
    @PreAuthorize("hasRole('party_member')")
    @ResponseStatus(HttpStatus.CREATED)
    RegistrationResponse request(@Valid @RequestBody RegisterRequest request, Caller caller) {
        return RegistrationResponse.of(registrations.request(request.communityPath(), request.workUnit(),
                request.note(), caller));
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    Page<RegistrationResponse> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return registrations.mine(caller, Paging.of(page, size)).map(RegistrationResponse::of);
    }

    /** The registrations of a community (or of every community in the caller's area). */
    @GetMapping
    @PreAuthorize(STAFF)
    Page<RegistrationResponse> list(@RequestParam(required = false) String communityId,
            @RequestParam(required = false) Registration.Status status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return registrations.ofArea(communityId, status, caller, Paging.of(page, size)).map(RegistrationResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    RegistrationResponse get(@PathVariable String id, Caller caller) {
        return RegistrationResponse.of(registrations.get(id, caller));
    }

    @PostMapping("/{id}/accept")
    @PreAuthorize(STAFF)
    RegistrationResponse accept(@PathVariable String id, @Valid @RequestBody(required = false) DecisionRequest request,
            Caller caller) {
        return RegistrationResponse.of(registrations.accept(id, request == null ? null : request.note(), caller));
    }

    @PostMapping("/{id}/decline")
    @PreAuthorize(STAFF)
    RegistrationResponse decline(@PathVariable String id, @Valid @RequestBody DeclineRequest request, Caller caller) {
        return RegistrationResponse.of(registrations.decline(id, request.reason(), caller));
    }

    /** Withdraws a request or ends an accepted registration. */
    @PostMapping("/{id}/end")
    @PreAuthorize("isAuthenticated()")
    RegistrationResponse end(@PathVariable String id, Caller caller) {
        return RegistrationResponse.of(registrations.end(id, caller));
    }

    /** The community as an org path; the work unit is the member's employer (在职单位), an organisation's name. */
    record RegisterRequest(@NotBlank @Size(max = 300) String communityPath, @NotBlank @Size(max = 100) String workUnit,
            @Size(max = 500) String note) {
    }

    record DecisionRequest(@Size(max = 500) String note) {
    }

    record DeclineRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RegistrationResponse(String id, String memberId, String communityId, String orgPath, String workUnit,
            String note, Registration.Status status, Instant requestedAt, String decidedBy, Instant decidedAt,
            String decisionNote, Instant endedAt, long version) {

        static RegistrationResponse of(Registration r) {
            return new RegistrationResponse(r.id(), r.memberId(), r.communityId(), r.orgPath(), r.workUnit(), r.note(),
                    r.status(), r.requestedAt(), r.decidedBy(), r.decidedAt(), r.decisionNote(), r.endedAt(),
                    r.version());
        }
    }
}
