package org.grassroots.gridservice.grids.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridservice.grids.DrawnGrid;
import org.grassroots.gridservice.grids.GridImport;
import org.grassroots.gridservice.grids.GridImport.FeatureResult;
import org.grassroots.gridservice.grids.Grids;
import org.grassroots.gridservice.grids.NewGrid;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Grids and their boundaries. Reading is open to anyone signed in; drawing, redrawing, retiring and
 * importing need an administrator or community/street staff whose area holds the grid (checked in
 * {@link Grids}).
 */
@RestController
@RequestMapping("/api/grids")
class GridController {

    static final String MANAGERS =
            "hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')";

    private final Grids grids;
    private final GridImport bulk;

    GridController(Grids grids, GridImport bulk) {
        this.grids = grids;
        this.bulk = bulk;
    }

    @PostMapping
    @PreAuthorize(MANAGERS)
    ResponseEntity<GridResponse> create(@Valid @RequestBody CreateGridRequest request, Caller caller) {
        DrawnGrid drawn = grids.create(request.toNewGrid(), caller);
        return ResponseEntity.created(URI.create("/api/grids/" + drawn.grid().code()))
                .body(GridResponse.of(drawn.grid(), drawn.overlaps(), true));
    }

    /** A page of summaries without boundaries, by code; {@code GET /api/grids/{code}} or the export gives those. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<GridResponse> list(@RequestParam(required = false) String communityId,
            @RequestParam(required = false) String parentCode, @RequestParam(required = false) GridLevel level,
            @RequestParam(defaultValue = "false") boolean includeRetired, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return grids.page(communityId, parentCode, level, includeRetired, Paging.of(page, size))
                .map(grid -> GridResponse.of(grid, List.of(), false));
    }

    @GetMapping("/{code:\\d+}")
    @PreAuthorize("isAuthenticated()")
    GridResponse get(@PathVariable String code) {
        return GridResponse.of(grids.get(code), List.of(), true);
    }

    @PutMapping("/{code:\\d+}")
    @PreAuthorize(MANAGERS)
    GridResponse update(@PathVariable String code, @Valid @RequestBody UpdateGridRequest request, Caller caller) {
        DrawnGrid drawn = grids.update(code, request.name(), request.boundary(), request.version(), caller);
        return GridResponse.of(drawn.grid(), drawn.overlaps(), true);
    }

    @PostMapping("/{code:\\d+}/retire")
    @PreAuthorize(MANAGERS)
    GridResponse retire(@PathVariable String code, @RequestBody(required = false) RetireGridRequest request,
            Caller caller) {
        return GridResponse.of(grids.retire(code, request == null ? null : request.version(), caller), List.of(),
                false);
    }

    /** A GeoJSON FeatureCollection in, a report of what became of each feature out. */
    @PostMapping("/import")
    @PreAuthorize(MANAGERS)
    ImportReport importGrids(@RequestBody Object featureCollection, Caller caller) {
        return ImportReport.of(bulk.importFeatures(featureCollection, caller));
    }

    @GetMapping("/export")
    @PreAuthorize("isAuthenticated()")
    Map<String, Object> export(@RequestParam(required = false) String communityId) {
        return bulk.export(communityId);
    }

    record CreateGridRequest(@NotBlank String code, @NotBlank String name, @NotNull GridLevel level,
            String parentCode, String communityId, @NotNull Object boundary) {

        NewGrid toNewGrid() {
            return new NewGrid(code.strip(), name.strip(), level, blankToNull(parentCode), blankToNull(communityId),
                    boundary);
        }
    }

    /** Name and/or boundary; what is left out stays. {@code version} is the version the change was made to. */
    record UpdateGridRequest(String name, Object boundary, @NotNull Long version) {
    }

    record RetireGridRequest(Long version) {
    }

    record ImportReport(int created, int updated, int unchanged, int rejected, List<FeatureResult> features) {

        static ImportReport of(List<FeatureResult> results) {
            return new ImportReport(count(results, GridImport.Outcome.CREATED),
                    count(results, GridImport.Outcome.UPDATED), count(results, GridImport.Outcome.UNCHANGED),
                    count(results, GridImport.Outcome.REJECTED), results);
        }

        private static int count(List<FeatureResult> results, GridImport.Outcome outcome) {
            return (int) results.stream().filter(result -> result.outcome() == outcome).count();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
