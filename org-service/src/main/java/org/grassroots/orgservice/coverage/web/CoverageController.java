package org.grassroots.orgservice.coverage.web;

import java.time.Instant;

import org.grassroots.orgservice.coverage.BuildingGroupPlace;
import org.grassroots.orgservice.coverage.BuildingGroupPlaces;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/orgs/{code}/coverage}: the 应建尽建 report for a unit's subtree, and against the real
 * territory; {@code PUT/GET /api/orgs/{code}/building}: which building a building group covers.
 */
@RestController
class CoverageController {

    private final CoverageReport report;
    private final TerritoryCoverage territory;
    private final BuildingGroupPlaces places;

    CoverageController(CoverageReport report, TerritoryCoverage territory, BuildingGroupPlaces places) {
        this.report = report;
        this.territory = territory;
        this.places = places;
    }

    /** Names the building a building group covers: its grid's code and the building's name (e.g. 3幢). */
    @PutMapping("/api/orgs/{code}/building")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    BuildingResponse placeBuildingGroup(@PathVariable String code, @RequestBody BuildingRequest request,
            Caller caller) {
        return BuildingResponse.of(places.place(code, request.gridCode(), request.building(), caller));
    }

    @GetMapping("/api/orgs/{code}/building")
    @PreAuthorize("hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    BuildingResponse buildingOf(@PathVariable String code, Caller caller) {
        return BuildingResponse.of(places.of(code, caller));
    }

    record BuildingRequest(String gridCode, String building) {
    }

    record BuildingResponse(String unitCode, String gridCode, String building, Instant at, String by) {

        static BuildingResponse of(BuildingGroupPlace place) {
            return new BuildingResponse(place.unitCode(), place.gridCode(), place.building(), place.at(), place.by());
        }
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
