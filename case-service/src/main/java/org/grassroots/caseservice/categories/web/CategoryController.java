package org.grassroots.caseservice.categories.web;

import java.net.URI;
import java.util.List;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
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

/** The category catalogue: everyone signed in reads it, district and platform administrators maintain it. */
@RestController
@RequestMapping("/api/categories")
class CategoryController {

    private static final String ADMINS = "hasAnyRole('platform_admin', 'district_admin')";

    private final CategoryCatalogue catalogue;

    CategoryController(CategoryCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Active categories by code; retired ones too for administrators who ask. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    List<CategoryResponse> list(@RequestParam(defaultValue = "false") boolean includeRetired, Caller caller) {
        if (includeRetired) {
            caller.requireAnyRole(Roles.PLATFORM_ADMIN, Roles.DISTRICT_ADMIN);
        }
        return catalogue.list(includeRetired).stream().map(CategoryResponse::of).toList();
    }

    /** Any category, retired ones included: old cases still name them. */
    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    CategoryResponse get(@PathVariable String code) {
        return CategoryResponse.of(catalogue.get(code));
    }

    @PostMapping
    @PreAuthorize(ADMINS)
    ResponseEntity<CategoryResponse> define(@Valid @RequestBody DefineCategoryRequest request) {
        Category defined = catalogue.define(request.code(), request.toDefinition());
        return ResponseEntity.created(URI.create("/api/categories/" + defined.code()))
                .body(CategoryResponse.of(defined));
    }

    @PutMapping("/{code}")
    @PreAuthorize(ADMINS)
    CategoryResponse revise(@PathVariable String code, @Valid @RequestBody ReviseCategoryRequest request) {
        return CategoryResponse.of(catalogue.revise(code, request.toDefinition(), request.version()));
    }

    @PostMapping("/{code}/retire")
    @PreAuthorize(ADMINS)
    CategoryResponse retire(@PathVariable String code) {
        return CategoryResponse.of(catalogue.retire(code));
    }
}
