package org.grassroots.volunteerservice.wishes.web;

import java.time.Instant;
import java.util.Map;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.wishes.CaseFiling;
import org.grassroots.volunteerservice.wishes.Wish;
import org.grassroots.volunteerservice.wishes.WishWall;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The wish wall (微心愿): residents post, communities approve, party members and units claim and fulfil. */
@RestController
@RequestMapping("/api/wishes")
class WishController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final WishWall wall;

    WishController(WishWall wall) {
        this.wall = wall;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('resident', 'party_member', 'volunteer')")
    @ResponseStatus(HttpStatus.CREATED)
    WishResponse post(@Valid @RequestBody PostWishRequest request, Caller caller) {
        return WishResponse.of(wall.post(request.title().strip(), request.description(), caller), true);
    }

    /** The public wall: approved, claimed and fulfilled wishes, with no word of who posted them. */
    @GetMapping("/public")
    @PreAuthorize("isAuthenticated()")
    Page<PublicWish> publicWall(@RequestParam(required = false) String communityId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return wall.wall(communityId, Paging.of(page, size)).map(PublicWish::of);
    }

    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    Page<WishResponse> mine(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return wall.mine(caller, Paging.of(page, size)).map(wish -> WishResponse.of(wish, true));
    }

    /** The wishes of the caller's area, for review. */
    @GetMapping
    @PreAuthorize(STAFF)
    Page<WishResponse> ofArea(@RequestParam(required = false) Wish.Status status,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return wall.ofArea(status, caller, Paging.of(page, size)).map(wish -> WishResponse.of(wish, true));
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    WishResponse get(@PathVariable String id, Caller caller) {
        Wish wish = wall.get(id, caller);
        return WishResponse.of(wish, wall.maySeePoster(wish, caller));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize(STAFF)
    WishResponse approve(@PathVariable String id, Caller caller) {
        return WishResponse.of(wall.approve(id, caller), true);
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize(STAFF)
    WishResponse reject(@PathVariable String id, @Valid @RequestBody RejectRequest request, Caller caller) {
        return WishResponse.of(wall.reject(id, request.reason(), caller), true);
    }

    /** Without a body the caller claims it; staff give {@code unitId} to record a co-building unit's claim. */
    @PostMapping("/{id}/claim")
    @PreAuthorize("hasAnyRole('party_member', 'volunteer', 'community_staff', 'street_staff', 'district_admin', "
            + "'platform_admin')")
    WishResponse claim(@PathVariable String id, @Valid @RequestBody(required = false) ClaimRequest request,
            Caller caller) {
        Wish wish = wall.claim(id, request == null ? null : request.unitId(), caller);
        return WishResponse.of(wish, wall.maySeePoster(wish, caller));
    }

    @PostMapping("/{id}/fulfil")
    @PreAuthorize("isAuthenticated()")
    WishResponse fulfil(@PathVariable String id, @Valid @RequestBody FulfilRequest request, Caller caller) {
        Wish wish = wall.fulfil(id, request.note(), caller);
        return WishResponse.of(wish, wall.maySeePoster(wish, caller));
    }

    record PostWishRequest(@NotBlank @Size(max = 60) String title, @Size(max = 1000) String description) {
    }

    record RejectRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record ClaimRequest(@Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be a co-building unit's id")
            String unitId) {
    }

    record FulfilRequest(@NotBlank @Size(max = 1000) String note) {
    }

    /** 微心愿转诉求: the case staff make of the wish: category, what is to be done, where. */
    record ReferRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as BROKEN_STREET_LIGHT")
            String categoryCode,
            @NotBlank @Size(max = 2000) String description,
            @NotNull @Valid Point point,
            @Size(max = 200) String locationDescription,
            @Size(max = 30) Map<String, Object> answers) {

        record Point(@NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
                @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
        }
    }

    @PostMapping("/{id}/refer")
    @PreAuthorize(STAFF)
    WishResponse refer(@PathVariable String id, @Valid @RequestBody ReferRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        Wish wish = wall.refer(id, new CaseFiling.WishCase(id, request.categoryCode(), request.description().strip(),
                request.point().lon(), request.point().lat(), request.locationDescription(), request.answers()),
                authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).strip() : "",
                caller);
        return WishResponse.of(wish, wall.maySeePoster(wish, caller));
    }

    /** A wish on the public wall: what is wished for and how far it got, never who wished it. */
    record PublicWish(String id, String title, String communityId, Wish.Status status, Wish.HelperKind helperKind,
            Instant postedAt, Instant fulfilledAt) {

        static PublicWish of(Wish wish) {
            return new PublicWish(wish.id(), wish.title(), wish.communityId(), wish.status(), wish.helperKind(),
                    wish.postedAt(), wish.fulfilledAt());
        }
    }

    /** A wish in full; {@code postedBy} only for the poster and the staff of its area. */
    record WishResponse(String id, String title, String description, String communityId, String orgPath,
            Wish.Status status, String postedBy, Instant postedAt, String rejectionReason, Wish.HelperKind helperKind,
            String claimedBy, String unitId, Instant claimedAt, String fulfilmentNote, Instant fulfilledAt,
            long version, String caseId) {

        static WishResponse of(Wish w, boolean withPoster) {
            return new WishResponse(w.id(), w.title(), w.description(), w.communityId(), w.orgPath(), w.status(),
                    withPoster ? w.postedBy() : null, w.postedAt(), w.rejectionReason(), w.helperKind(),
                    w.claimedBy(), w.unitId(), w.claimedAt(), w.fulfilmentNote(), w.fulfilledAt(), w.version(),
                    w.caseId());
        }
    }
}
