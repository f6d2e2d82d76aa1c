package org.grassroots.caseservice.cases.web;

import java.util.List;

import org.grassroots.caseservice.cases.CaseSearch;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.platform.domain.InvalidFieldException;
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

    private static final int MAX_PAGE_SIZE = 100;

    private final CaseSearch search;
    private final TargetDirectory targets;

    RedispatchController(CaseSearch search, TargetDirectory targets) {
        this.search = search;
        this.targets = targets;
    }

    /**
     * The departments case-service may dispatch to and whistle for, as it has learnt them from org-events:
     * what a dispatch form offers, and what a loader waits for after registering departments.
     */
    @GetMapping("/targets/departments")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    List<TargetDirectory.DepartmentState> departments() {
        return targets.departments();
    }

    /** Open cases of the dispatcher's area held by a department that is retired now. Oldest first. */
    @GetMapping("/redispatch")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    CasePageResponse redispatch(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            Caller caller) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        return CasePageResponse.of(search.heldByDepartments(targets.retiredDepartments(), page, size, caller), caller);
    }
}
