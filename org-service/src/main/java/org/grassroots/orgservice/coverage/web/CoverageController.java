package org.grassroots.orgservice.coverage.web;

import org.grassroots.orgservice.coverage.Coverage;
import org.grassroots.orgservice.coverage.CoverageReport;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/orgs/{code}/coverage}: the 应建尽建 report for a unit's subtree. */
@RestController
class CoverageController {

    private final CoverageReport report;

    CoverageController(CoverageReport report) {
        this.report = report;
    }

    @GetMapping("/api/orgs/{code}/coverage")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Coverage coverage(@PathVariable String code, Caller caller) {
        return report.of(code, caller);
    }
}
