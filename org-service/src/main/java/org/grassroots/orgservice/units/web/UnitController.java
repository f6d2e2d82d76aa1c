package org.grassroots.orgservice.units.web;

import java.net.URI;
import java.util.List;

import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.orgservice.units.OrgTree;
import org.grassroots.orgservice.units.OrgUnit;
import org.grassroots.orgservice.units.web.UnitRequests.CreateUnitRequest;
import org.grassroots.orgservice.units.web.UnitRequests.MoveUnitRequest;
import org.grassroots.orgservice.units.web.UnitRequests.RenameUnitRequest;
import org.grassroots.orgservice.units.web.UnitRequests.RetireUnitRequest;
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

/** The organisation tree. Staff see their own subtree; the service answers 404 outside it. */
@RestController
@RequestMapping("/api/orgs")
class UnitController {

    static final String STAFF = "hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')";
    static final String EDITORS = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final OrgTree tree;

    UnitController(OrgTree tree) {
        this.tree = tree;
    }

    /** Search by name (contains) or code (prefix) within the caller's area; no text lists it all, paged. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<UnitResponse> search(@RequestParam(required = false) String q,
            @RequestParam(required = false) OrgUnitType type, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return map(tree.search(q, type, Paging.of(page, size, 50), caller));
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<UnitResponse> create(@Valid @RequestBody CreateUnitRequest request, Caller caller) {
        OrgUnit created = tree.create(new OrgTree.NewUnit(request.code(), request.name(), request.type(),
                request.parentCode(), request.expectedGrids()), caller);
        return ResponseEntity.created(URI.create("/api/orgs/" + created.code())).body(UnitResponse.of(created));
    }

    @GetMapping("/{code}")
    @PreAuthorize(STAFF)
    UnitResponse get(@PathVariable String code, Caller caller) {
        return UnitResponse.of(tree.get(code, caller));
    }

    @GetMapping("/{code}/children")
    @PreAuthorize(STAFF)
    List<UnitResponse> children(@PathVariable String code, Caller caller) {
        return tree.children(code, caller).stream().map(UnitResponse::of).toList();
    }

    @GetMapping("/{code}/subtree")
    @PreAuthorize(STAFF)
    Page<UnitResponse> subtree(@PathVariable String code, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return map(tree.subtree(code, Paging.of(page, size, 50), caller));
    }

    @GetMapping("/{code}/ancestors")
    @PreAuthorize(STAFF)
    List<UnitResponse> ancestors(@PathVariable String code, Caller caller) {
        return tree.ancestors(code, caller).stream().map(UnitResponse::of).toList();
    }

    @PutMapping("/{code}/name")
    @PreAuthorize(EDITORS)
    UnitResponse rename(@PathVariable String code, @Valid @RequestBody RenameUnitRequest request, Caller caller) {
        return UnitResponse.of(tree.rename(code, request.name(), request.version(), caller));
    }

    @PostMapping("/{code}/move")
    @PreAuthorize(EDITORS)
    UnitResponse move(@PathVariable String code, @Valid @RequestBody MoveUnitRequest request, Caller caller) {
        return UnitResponse.of(tree.move(code, request.parentCode(), request.version(), caller));
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize(EDITORS)
    UnitResponse retire(@PathVariable String code, @RequestBody(required = false) RetireUnitRequest request,
            Caller caller) {
        return UnitResponse.of(tree.retire(code, request == null ? null : request.version(), caller));
    }

    private static Page<UnitResponse> map(Page<OrgUnit> page) {
        return page.map(UnitResponse::of);
    }
}
