package org.grassroots.evaluationservice.socialorgs.web;

import java.util.List;

import org.grassroots.evaluationservice.socialorgs.SocialOrganization;
import org.grassroots.evaluationservice.socialorgs.SocialOrganizationService;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/evaluations/social-organizations")
class SocialOrganizationController {

    private final SocialOrganizationService organizations;

    SocialOrganizationController(SocialOrganizationService organizations) {
        this.organizations = organizations;
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    List<SocialOrganizationResponse> list(Caller caller) {
        return organizations.list(caller).stream().map(SocialOrganizationResponse::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    SocialOrganizationResponse get(@PathVariable String id, Caller caller) {
        return SocialOrganizationResponse.of(organizations.get(id, caller));
    }

    /** Registers an organisation in an area of the caller's (street or district staff). */
    @PutMapping("/{id}")
    @PreAuthorize("hasAnyRole('street_staff', 'district_admin', 'platform_admin')")
    SocialOrganizationResponse register(@PathVariable String id, @Valid @RequestBody RegisterRequest request, Caller caller) {
        if (!id.matches("[a-z0-9-]{3,64}")) {
            throw new InvalidFieldException("id", "must be 3 to 64 lower-case letters, digits or hyphens");
        }
        return SocialOrganizationResponse.of(organizations.register(id, request.name().strip(), request.orgPath().strip(), caller));
    }

    /** The year's assessment scores (0–100 each); the stars follow and await review. */
    @PutMapping("/{id}/assessments/{year}")
    @PreAuthorize("hasAnyRole('street_staff', 'district_admin', 'platform_admin')")
    SocialOrganizationResponse assess(@PathVariable String id, @PathVariable int year,
            @Valid @RequestBody AssessmentRequest request, Caller caller) {
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "must be a year such as 2026");
        }
        return SocialOrganizationResponse.of(organizations.assess(id, year, request.organisationScore(), request.integrityScore(),
                request.fundsScore(), caller));
    }

    /** Reviews the year's stars, or adjusts them later; a change from the computed stars needs a reason. */
    @PostMapping("/{id}/assessments/{year}/review")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    SocialOrganizationResponse review(@PathVariable String id, @PathVariable int year,
            @Valid @RequestBody ReviewRequest request, Caller caller) {
        return SocialOrganizationResponse.of(organizations.review(id, year, request.stars(), request.reason(), caller));
    }

    record RegisterRequest(@NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "/[a-z0-9/-]+", message = "must be an org path such as /qjp/qjp-pulou") String orgPath) {
    }

    record AssessmentRequest(@Min(0) @Max(100) int organisationScore, @Min(0) @Max(100) int integrityScore,
            @Min(0) @Max(100) int fundsScore) {
    }

    record ReviewRequest(@Min(1) @Max(5) int stars, @Size(max = 500) String reason) {
    }
}
