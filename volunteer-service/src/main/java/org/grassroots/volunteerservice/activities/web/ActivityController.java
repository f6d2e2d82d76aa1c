package org.grassroots.volunteerservice.activities.web;

import java.math.BigDecimal;
import java.time.Instant;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.activities.Activity;
import org.grassroots.volunteerservice.activities.ActivityService;
import org.grassroots.volunteerservice.timebank.Hours;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Volunteer activities: planned by community staff, signed up for by members, attended and credited. */
@RestController
@RequestMapping("/api/activities")
class ActivityController {

    private static final String ORGANISERS =
            "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final ActivityService activities;

    ActivityController(ActivityService activities) {
        this.activities = activities;
    }

    @PostMapping
    @PreAuthorize(ORGANISERS)
    @ResponseStatus(HttpStatus.CREATED)
    ActivityResponse plan(@Valid @RequestBody PlanActivityRequest request, Caller caller) {
        return view(activities.plan(request.title().strip(), request.description(), request.orgPath(),
                request.startsAt(), request.endsAt(), request.capacity(), caller), caller);
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<ActivityResponse> list(@RequestParam(required = false) String communityId,
            @RequestParam(required = false) Activity.Status status, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return activities.list(communityId, status, Paging.of(page, size)).map(activity -> view(activity, caller));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    ActivityResponse get(@PathVariable String id, Caller caller) {
        return view(activities.get(id), caller);
    }

    @PostMapping("/{id}/signups")
    @PreAuthorize("hasAnyRole('party_member', 'volunteer', 'resident')")
    ActivityResponse signUp(@PathVariable String id, Caller caller) {
        return view(activities.signUp(id, caller), caller);
    }

    @PostMapping("/{id}/participants/{userId}/check-in")
    @PreAuthorize(ORGANISERS)
    ActivityResponse checkIn(@PathVariable String id, @PathVariable String userId, Caller caller) {
        return view(activities.checkIn(id, userId, caller), caller);
    }

    /** {@code hours}, if given, is the time to credit; otherwise the time since check-in, at most the planned length. */
    @PostMapping("/{id}/participants/{userId}/check-out")
    @PreAuthorize(ORGANISERS)
    ActivityResponse checkOut(@PathVariable String id, @PathVariable String userId,
            @Valid @RequestBody(required = false) CheckOutRequest request, Caller caller) {
        Long minutes = request == null || request.hours() == null ? null
                : Hours.toMinutes(request.hours(), 24, "hours");
        return view(activities.checkOut(id, userId, minutes, caller), caller);
    }

    @PostMapping("/{id}/complete")
    @PreAuthorize(ORGANISERS)
    ActivityResponse complete(@PathVariable String id, Caller caller) {
        return view(activities.complete(id, caller), caller);
    }

    private ActivityResponse view(Activity activity, Caller caller) {
        return ActivityResponse.of(activity, caller, activities.maySeeParticipants(activity, caller));
    }

    record PlanActivityRequest(@NotBlank @Size(max = 100) String title, @Size(max = 2000) String description,
            @Size(max = 300) String orgPath, @NotNull Instant startsAt, @NotNull Instant endsAt,
            @NotNull Integer capacity) {
    }

    record CheckOutRequest(BigDecimal hours) {
    }
}
