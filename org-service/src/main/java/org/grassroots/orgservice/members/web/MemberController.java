package org.grassroots.orgservice.members.web;

import java.net.URI;

import org.grassroots.orgservice.members.MemberCounts;
import org.grassroots.orgservice.members.PartyMembers;
import org.grassroots.orgservice.members.web.MemberRequests.RegisterMemberRequest;
import org.grassroots.orgservice.members.web.MemberRequests.TransferMemberRequest;
import org.grassroots.orgservice.members.web.MemberRequests.UpdateMemberRequest;
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

/** Party members. Staff of the member's area see them; a member sees themself via {@code /me}. */
@RestController
@RequestMapping("/api/members")
class MemberController {

    private static final String STAFF = "hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')";
    private static final String EDITORS = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";

    private final PartyMembers members;

    MemberController(PartyMembers members) {
        this.members = members;
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    ResponseEntity<MemberResponse> register(@Valid @RequestBody RegisterMemberRequest request, Caller caller) {
        PartyMembers.Placed registered = members.register(request.id(), request.profile(), request.unitCode(), caller);
        return ResponseEntity.created(URI.create("/api/members/" + registered.member().id()))
                .body(MemberResponse.of(registered, caller));
    }

    @GetMapping
    @PreAuthorize(STAFF)
    Page<MemberResponse> list(@RequestParam(required = false) String unitCode,
            @RequestParam(defaultValue = "false") boolean subtree, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return members.list(unitCode, subtree, Paging.of(page, size, 50), caller)
                .map(placed -> MemberResponse.of(placed, caller));
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    MemberResponse mine(Caller caller) {
        return MemberResponse.of(members.mine(caller), caller);
    }

    @GetMapping("/counts")
    @PreAuthorize(STAFF)
    MemberCounts counts(@RequestParam String unitCode, Caller caller) {
        return members.counts(unitCode, caller);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    MemberResponse get(@PathVariable String id, Caller caller) {
        return MemberResponse.of(members.get(id, caller), caller);
    }

    @PutMapping("/{id}")
    @PreAuthorize(EDITORS)
    MemberResponse update(@PathVariable String id, @Valid @RequestBody UpdateMemberRequest request, Caller caller) {
        return MemberResponse.of(members.update(id, request.profile(), request.version(), caller), caller);
    }

    @PostMapping("/{id}/transfer")
    @PreAuthorize(EDITORS)
    MemberResponse transfer(@PathVariable String id, @Valid @RequestBody TransferMemberRequest request,
            Caller caller) {
        return MemberResponse.of(members.transfer(id, request.toUnitCode(), request.reason(), request.version(),
                caller), caller);
    }
}
