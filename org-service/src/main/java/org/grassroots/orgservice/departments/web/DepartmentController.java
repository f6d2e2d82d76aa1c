package org.grassroots.orgservice.departments.web;

import java.net.URI;
import java.util.List;

import org.grassroots.orgservice.departments.Department;
import org.grassroots.orgservice.departments.DepartmentType;
import org.grassroots.orgservice.departments.Departments;
import org.grassroots.orgservice.departments.DutyContact;
import org.grassroots.orgservice.imports.Outcome;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Departments: read by everyone signed in, kept by administrators with an idempotent PUT by code. */
@RestController
@RequestMapping("/api/departments")
class DepartmentController {

    private final Departments departments;

    DepartmentController(Departments departments) {
        this.departments = departments;
    }

    record SaveDepartmentRequest(
            @NotBlank @Size(max = 100) String name,
            @NotNull DepartmentType type,
            List<@NotBlank String> categoryCodes,
            @Valid DutyContactBody dutyContact,
            @NotBlank String areaCode,
            Boolean active,
            Long version) {

        Department.Definition definition() {
            return new Department.Definition(name.strip(), type, categoryCodes,
                    dutyContact == null ? null : new DutyContact(dutyContact.desk(), dutyContact.phone()), areaCode,
                    active == null || active);
        }
    }

    record DutyContactBody(@Size(max = 50) String desk, @Size(max = 30) String phone) {
    }

    /** The duty desk is for staff; residents and party members see the department without it. */
    record DepartmentResponse(String code, String name, DepartmentType type, List<String> categoryCodes,
            DutyContact dutyContact, String areaCode, String orgPath, boolean active, long version) {

        static DepartmentResponse of(Department d, Caller caller) {
            boolean staff = caller.isPlatformAdmin() || caller.hasAnyRole(Roles.GRID_WORKER, Roles.COMMUNITY_STAFF,
                    Roles.STREET_STAFF, Roles.DEPARTMENT_STAFF, Roles.DISTRICT_ADMIN);
            return new DepartmentResponse(d.code(), d.name(), d.type(), d.categoryCodes(),
                    staff ? d.dutyContact() : null, d.areaCode(), d.orgPath(), d.active(), d.version());
        }
    }

    /** A page of the departments by code, optionally of those handling one case category. */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<DepartmentResponse> list(@RequestParam(required = false) String categoryCode,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        return departments.list(categoryCode, Paging.of(page, size, 50)).map(d -> DepartmentResponse.of(d, caller));
    }

    @GetMapping("/{code}")
    @PreAuthorize("isAuthenticated()")
    DepartmentResponse get(@PathVariable String code, Caller caller) {
        return DepartmentResponse.of(departments.get(code), caller);
    }

    /** Registers the department under this code, or brings it up to date: 201 when new, 200 otherwise. */
    @PutMapping("/{code}")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    ResponseEntity<DepartmentResponse> save(@PathVariable String code, @Valid @RequestBody SaveDepartmentRequest request,
            Caller caller) {
        Departments.Saved saved = departments.save(code, request.definition(), request.version(), caller);
        DepartmentResponse body = DepartmentResponse.of(saved.department(), caller);
        return saved.outcome() == Outcome.CREATED
                ? ResponseEntity.created(URI.create("/api/departments/" + code)).body(body)
                : ResponseEntity.ok(body);
    }
}
