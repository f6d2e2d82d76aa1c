package org.grassroots.volunteerservice.points.web;

import java.util.List;

import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.volunteerservice.points.PointsLedger;
import org.grassroots.volunteerservice.points.PointsService;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** The points ledger: statements, manual awards, leaderboards and the scheme. */
@RestController
@RequestMapping("/api/points")
class PointsController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    /** The caller's own balance, star level and entries for the year (default: this year). */
    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    StatementResponse mine(@RequestParam(required = false) Integer year, Caller caller) {
        return StatementResponse.of(caller.userId(), points.mine(caller, year));
    }

    /** A member's entries earned in the caller's area (the member themself sees all). */
    @GetMapping("/members/{userId}")
    @PreAuthorize("isAuthenticated()")
    StatementResponse member(@PathVariable String userId, @RequestParam(required = false) Integer year,
            Caller caller) {
        return StatementResponse.of(userId, points.member(userId, caller, year));
    }

    @PostMapping("/awards")
    @PreAuthorize(STAFF)
    @ResponseStatus(HttpStatus.CREATED)
    EntryResponse award(@Valid @RequestBody ManualAwardRequest request, Caller caller) {
        return EntryResponse.of(points.award(request.toAward(), caller), null);
    }

    /** The audit trail of manual awards and deductions in the caller's area. */
    @GetMapping("/awards")
    @PreAuthorize(STAFF)
    Page<EntryResponse> manualAwards(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        return points.manualAwards(caller, year, Paging.of(page, size)).map(entry -> EntryResponse.of(entry, null));
    }

    @GetMapping("/leaderboard")
    @PreAuthorize("hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin', "
            + "'party_member', 'volunteer')")
    List<PointsLedger.Standing> leaderboard(@RequestParam(required = false) String communityId,
            @RequestParam(required = false) String gridCode, @RequestParam(required = false) String orgPath,
            @RequestParam(required = false) String affiliation, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "20") int limit, Caller caller) {
        if (affiliation != null) {
            return points.affiliationLeaderboard(affiliation, year, limit, caller);
        }
        return points.leaderboard(communityId, gridCode, orgPath, year, limit, caller);
    }

    /** Records the unit a member ranks with, e.g. a courier with the express-delivery industry committee. */
    @PutMapping("/affiliations/{userId}")
    @PreAuthorize(STAFF)
    AffiliationBody affiliate(@PathVariable String userId, @Valid @RequestBody AffiliationBody request,
            Caller caller) {
        points.affiliate(userId, request.orgPath(), caller);
        return request;
    }

    record AffiliationBody(@NotBlank String orgPath) {
    }

    @GetMapping("/rules")
    @PreAuthorize("isAuthenticated()")
    RulesBody rules() {
        return RulesBody.of(points.rules());
    }

    @PutMapping("/rules")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    RulesBody reviseRules(@Valid @RequestBody RulesBody request) {
        return RulesBody.of(points.reviseRules(request.toRules(), request.version()));
    }
}
