package org.grassroots.caseservice.cases.web;

import org.grassroots.caseservice.cases.CaseSearch;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checked targets for the dispatcher: the departments case-service knows, and the cases that need
 * dispatching again because the department holding them has been retired since (they stay open and in the
 * department's name, and nobody there will act on them, so the dispatcher must see them).
 */
@RestController
@RequestMapping("/api/cases")
class RedispatchController {

    private final CaseSearch search;
    private final TargetDirectory targets;

    RedispatchController(CaseSearch search, TargetDirectory targets) {
        this.search = search;
        this.targets = targets;
    }

    /**
     * The departments case-service may dispatch to and whistle for, as it has learnt them from org-events,
     * by code, a page at a time (50 by default): what a loader waits for after registering departments.
     */
    @GetMapping("/targets/departments")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Page<DepartmentTargetResponse> departments(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return Page.slice(targets.departments(), Paging.of(page, size, 50)).map(DepartmentTargetResponse::of);
    }

    /** A department as case-service knows it: whether it may be dispatched to, and where it serves. */
    record DepartmentTargetResponse(String code, boolean active, String orgPath) {

        static DepartmentTargetResponse of(TargetDirectory.DepartmentState department) {
            return new DepartmentTargetResponse(department.code(), department.active(), department.orgPath());
        }
    }

    /** Open cases of the dispatcher's area held by a department that is retired now. Oldest first. */
    @GetMapping("/redispatch")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Page<CaseResponse> redispatch(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return search.heldByDepartments(targets.retiredDepartments(), CaseController.casePage(page, size), caller)
                .map(aCase -> CaseResponse.of(aCase, caller));
    }
}
