package org.grassroots.evaluationservice.socialorgs.web;

import org.grassroots.evaluationservice.socialorgs.SocialOrganizationService;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Social organisations' star ratings, by org-service's partner code. Organisations are registered in
 * org-service ({@code PUT /api/partners/{code}}, kind {@code SOCIAL_ORGANIZATION}); an unknown code is
 * a 404 naming the field {@code code}.
 */
@RestController
@RequestMapping("/api/evaluations/social-organizations")
class SocialOrganizationController {

    private final SocialOrganizationService organizations;

    SocialOrganizationController(SocialOrganizationService organizations) {
        this.organizations = organizations;
    }

    /** A page of the social organisations of the caller's area, by code (the default page is 20, the largest 500). */
    @GetMapping
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Page<SocialOrganizationResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return organizations.list(Paging.of(page, size), caller).map(SocialOrganizationResponse::of);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    SocialOrganizationResponse get(@PathVariable String code, Caller caller) {
        return SocialOrganizationResponse.of(organizations.get(code, caller));
    }

    /** The year's assessment scores (0–100 each); the stars follow and await review. */
    @PutMapping("/{code}/assessments/{year}")
    @PreAuthorize("hasAnyRole('street_staff', 'district_admin', 'platform_admin')")
    SocialOrganizationResponse assess(@PathVariable String code, @PathVariable int year,
            @Valid @RequestBody AssessmentRequest request, Caller caller) {
        if (year < 2000 || year > 2100) {
            throw new InvalidFieldException("year", "must be a year such as 2026");
        }
        return SocialOrganizationResponse.of(organizations.assess(code, year, request.organisationScore(), request.integrityScore(),
                request.fundsScore(), caller));
    }

    /** Reviews the year's stars, or adjusts them later; a change from the computed stars needs a reason. */
    @PostMapping("/{code}/assessments/{year}/review")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    SocialOrganizationResponse review(@PathVariable String code, @PathVariable int year,
            @Valid @RequestBody ReviewRequest request, Caller caller) {
        return SocialOrganizationResponse.of(organizations.review(code, year, request.stars(), request.reason(), caller));
    }

    record AssessmentRequest(@Min(0) @Max(100) int organisationScore, @Min(0) @Max(100) int integrityScore,
            @Min(0) @Max(100) int fundsScore) {
    }

    record ReviewRequest(@Min(1) @Max(5) int stars, @Size(max = 500) String reason) {
    }
}
