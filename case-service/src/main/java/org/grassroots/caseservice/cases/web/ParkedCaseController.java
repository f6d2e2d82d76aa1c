package org.grassroots.caseservice.cases.web;

import java.time.Instant;
import java.time.LocalDate;

import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.caseservice.cases.ParkedCases;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * Parked cases (挂账): the list for periodic review ({@code GET /api/cases/parked}) and taking one up
 * again ({@code POST /api/cases/{id}/take-up}, 销账恢复).
 */
@RestController
class ParkedCaseController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final CaseService cases;
    private final ParkedCases parked;

    ParkedCaseController(CaseService cases, ParkedCases parked) {
        this.cases = cases;
        this.parked = parked;
    }

    record TakeUpCaseRequest(@Positive Long version, @NotBlank @Size(max = 1000) String reason) {
    }

    /** A parked case on the review list: the case, when and why it was parked, and when it is next reviewed. */
    record ParkedCaseResponse(CaseResponse aCase, Instant parkedAt, String reason, long daysParked,
            LocalDate nextReviewOn, boolean reviewDue) {
    }

    /** The area's parked cases, longest parked first, one page at a time ({@code size} 1 to 500, 20 by default). */
    @GetMapping("/api/cases/parked")
    @PreAuthorize(STAFF)
    Page<ParkedCaseResponse> forReview(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return parked.forReview(caller, Paging.of(page, size)).map(each -> new ParkedCaseResponse(
                CaseResponse.of(each.aCase(), caller), each.parkedAt(), each.reason(), each.daysParked(),
                each.nextReviewOn(), each.reviewDue()));
    }

    @PostMapping("/api/cases/{id}/take-up")
    @PreAuthorize(STAFF)
    CaseResponse takeUp(@PathVariable String id, @Valid @RequestBody TakeUpCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.takeUp(id, request.version(), request.reason(), caller), caller);
    }
}
