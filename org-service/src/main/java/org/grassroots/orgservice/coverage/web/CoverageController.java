package org.grassroots.orgservice.coverage.web;

import org.grassroots.orgservice.coverage.Coverage;
import org.grassroots.orgservice.coverage.CoverageReport;
import org.grassroots.orgservice.coverage.Territory;
import org.grassroots.orgservice.coverage.TerritoryCoverage;
import org.grassroots.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/orgs/{code}/coverage}: the 应建尽建 report for a unit's subtree. */
@RestController
class CoverageController {

    private final CoverageReport report;
    private final TerritoryCoverage territory;

    CoverageController(CoverageReport report, TerritoryCoverage territory) {
        this.report = report;
        this.territory = territory;
    }

    @GetMapping("/api/orgs/{code}/coverage")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Coverage coverage(@PathVariable String code, Caller caller) {
        return report.of(code, caller);
    }

    /**
     * 应建尽建 against the real territory, per street and community: grids (from grid-service) without
     * their grid branch, partners without a party organisation or a linked one. JSON, or CSV for
     * {@code Accept: text/csv}.
     */
    @GetMapping(value = "/api/orgs/{code}/coverage/territory", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    Territory territory(@PathVariable String code, Caller caller) {
        return territory.of(code, caller);
    }

    @GetMapping(value = "/api/orgs/{code}/coverage/territory", produces = "text/csv")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<String> territoryCsv(@PathVariable String code, Caller caller) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"coverage-" + code + ".csv\"")
                .body(TerritoryCoverage.csv(territory.of(code, caller)));
    }
}
