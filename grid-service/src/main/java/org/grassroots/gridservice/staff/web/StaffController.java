package org.grassroots.gridservice.staff.web;

import java.net.URI;

import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.gridservice.staff.GridStaff;
import org.grassroots.gridservice.staff.StaffAssignment;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Grid staff: assignments with their history, per grid and per worker. */
@RestController
class StaffController {

    static final String MANAGERS =
            "hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')";
    static final String STAFF =
            "hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff', 'grid_worker')";

    /** A grid's staff, and a worker's grids, fit on one page of this size, unless the history is asked for. */
    static final int DEFAULT_PAGE = 50;

    private final GridStaff staff;

    StaffController(GridStaff staff) {
        this.staff = staff;
    }

    @PostMapping("/api/grids/{code}/staff")
    @PreAuthorize(MANAGERS)
    ResponseEntity<StaffAssignmentResponse> assign(@PathVariable String code, @Valid @RequestBody AssignRequest request,
            Caller caller) {
        StaffAssignment assignment = staff.assign(code, request.userId().strip(), request.role(), request.post(),
                request.building(), request.name(), caller);
        return ResponseEntity.created(URI.create("/api/grids/" + code + "/staff/" + assignment.id()))
                .body(StaffAssignmentResponse.of(assignment, caller));
    }

    @PostMapping("/api/grids/{code}/staff/{assignmentId}/unassign")
    @PreAuthorize(MANAGERS)
    StaffAssignmentResponse unassign(@PathVariable String code, @PathVariable String assignmentId, Caller caller) {
        return StaffAssignmentResponse.of(staff.unassign(code, assignmentId, caller), caller);
    }

    /** A page of the grid's staff (the current ones, or with {@code history} every assignment), newest first. */
    @GetMapping("/api/grids/{code}/staff")
    @PreAuthorize(STAFF)
    Page<StaffAssignmentResponse> ofGrid(@PathVariable String code, @RequestParam(defaultValue = "false") boolean history,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        return staff.ofGrid(code, history, Paging.of(page, size, DEFAULT_PAGE), caller)
                .map(assignment -> StaffAssignmentResponse.of(assignment, caller));
    }

    /** A page of a worker's grids (the current posts, or with {@code history} every one), newest first; {@code me} stands for the caller. */
    @GetMapping("/api/grids/workers/{userId}/grids")
    @PreAuthorize("isAuthenticated()")
    Page<StaffAssignmentResponse> ofWorker(@PathVariable String userId,
            @RequestParam(defaultValue = "false") boolean history, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return staff.ofWorker("me".equals(userId) ? caller.userId() : userId, history,
                Paging.of(page, size, DEFAULT_PAGE), caller)
                .map(assignment -> StaffAssignmentResponse.of(assignment, caller));
    }

    /** {@code name}: the person's name as colleagues know them, so dispatchers can pick them (optional). */
    record AssignRequest(@NotBlank String userId, @NotNull StaffRole role, StaffPost post, String building,
            @Size(max = 40) String name) {
    }
}
