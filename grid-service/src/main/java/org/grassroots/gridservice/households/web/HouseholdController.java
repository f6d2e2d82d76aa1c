package org.grassroots.gridservice.households.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import org.grassroots.gridservice.households.Households;
import org.grassroots.gridservice.households.Households.NewPerson;
import org.grassroots.gridservice.households.Pairings;
import org.grassroots.gridservice.households.ServiceTag;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Households, the people in them, and their pairing with party members. ID and phone numbers travel
 * only in request bodies (never in a URL, where access logs would keep them).
 */
@RestController
@RequestMapping("/api/households")
class HouseholdController {

    static final String AREA_STAFF = "hasAnyRole('platform_admin', 'district_admin', 'street_staff', "
            + "'community_staff', 'grid_worker')";

    private final Households households;
    private final Pairings pairings;

    HouseholdController(Households households, Pairings pairings) {
        this.households = households;
        this.pairings = pairings;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    ResponseEntity<HouseholdResponse> register(@Valid @RequestBody RegisterHouseholdRequest request, Caller caller) {
        HouseholdResponse view = HouseholdResponse.of(households.register(request.gridCode(), request.building().strip(),
                request.unit().strip(), request.room().strip(), caller));
        return ResponseEntity.created(URI.create("/api/households/" + view.id())).body(view);
    }

    /** 以房找人: a page of the grid's households in address order. */
    @GetMapping
    @PreAuthorize(AREA_STAFF)
    Page<HouseholdResponse> byAddress(@RequestParam String gridCode, @RequestParam(required = false) String building,
            @RequestParam(required = false) String unit, @RequestParam(required = false) String room,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        return households.byAddress(gridCode, building, unit, room, Paging.of(page, size), caller)
                .map(HouseholdResponse::of);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    HouseholdResponse get(@PathVariable String id, Caller caller) {
        return HouseholdResponse.of(households.get(id, caller));
    }

    @PostMapping("/{id}/persons")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    ResponseEntity<HouseholdResponse> addPerson(@PathVariable String id, @Valid @RequestBody AddPersonRequest request,
            Caller caller) {
        HouseholdResponse view = HouseholdResponse.of(households.addPerson(id, request.toNewPerson(), caller));
        return ResponseEntity.status(201).body(view);
    }

    /** 以人找房, by ID number or phone number in the body; a page of the households found, in address order. */
    @PostMapping("/search")
    @PreAuthorize(AREA_STAFF)
    Page<HouseholdResponse> byPerson(@RequestBody SearchRequest request, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return households.byPerson(request.idNumber(), request.phone(), Paging.of(page, size), caller)
                .map(HouseholdResponse::of);
    }

    @PostMapping("/{id}/pairing")
    @PreAuthorize("hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')")
    HouseholdResponse pair(@PathVariable String id, @Valid @RequestBody PairRequest request, Caller caller) {
        return HouseholdResponse.of(pairings.pair(id, request.memberId().strip(),
                Boolean.TRUE.equals(request.centralHousehold()), caller));
    }

    @PostMapping("/{id}/unpair")
    @PreAuthorize("hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')")
    HouseholdResponse unpair(@PathVariable String id, Caller caller) {
        return HouseholdResponse.of(pairings.unpair(id, caller));
    }

    /** A page of the households of a grid with no paired party member, in address order. */
    @GetMapping("/unpaired")
    @PreAuthorize(AREA_STAFF)
    Page<HouseholdResponse> unpaired(@RequestParam String gridCode, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return pairings.unpaired(gridCode, Paging.of(page, size), caller).map(HouseholdResponse::of);
    }

    /** A page of a member's paired households, in address order; {@code me} stands for the caller. */
    @GetMapping("/paired-with/{memberId}")
    @PreAuthorize("isAuthenticated()")
    Page<HouseholdResponse> pairedWith(@PathVariable String memberId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return households.pairedWith("me".equals(memberId) ? caller.userId() : memberId, Paging.of(page, size), caller)
                .map(HouseholdResponse::of);
    }

    /** How many households a member is paired with against the 5–10 (central: 10–30) target. */
    @GetMapping("/paired-with/{memberId}/load")
    @PreAuthorize("isAuthenticated()")
    MemberLoadResponse load(@PathVariable String memberId, Caller caller) {
        Pairings.PairingLoad load = pairings.load("me".equals(memberId) ? caller.userId() : memberId, caller);
        return new MemberLoadResponse(load.memberId(), load.households(), load.central(), load.targetMin(),
                load.targetMax(), load.withinTarget());
    }

    /** Corrects the address; the reason is kept in the household's history. */
    @PostMapping("/{id}/correct")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    HouseholdResponse correct(@PathVariable String id, @Valid @RequestBody CorrectAddressRequest request,
            Caller caller) {
        return HouseholdResponse.of(households.correctAddress(id, strip(request.building()), strip(request.unit()),
                strip(request.room()), request.reason(), request.version(), caller));
    }

    /** Corrects one person (only the fields given); ID and phone numbers travel in the body only. */
    @PostMapping("/{id}/persons/{personId}/correct")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    HouseholdResponse correctPerson(@PathVariable String id, @PathVariable String personId,
            @Valid @RequestBody CorrectPersonRequest request, Caller caller) {
        return HouseholdResponse.of(households.correctPerson(id, personId, new Households.PersonCorrection(
                strip(request.name()), strip(request.relation()),
                request.idNumber() == null ? null : request.idNumber().strip().toUpperCase(),
                request.phone() == null ? null : request.phone().strip(), request.tags(), request.reason()),
                request.version(), caller));
    }

    /** 迁出: the household moved away; kept with its history, no longer found by address or counted. */
    @PostMapping("/{id}/move-out")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    HouseholdResponse moveOut(@PathVariable String id, @RequestBody ReasonRequest request, Caller caller) {
        return HouseholdResponse.of(households.moveOut(id, request.reason(), request.version(), caller));
    }

    /** 注销: a household registered in error leaves the ledger; kept with its history. */
    @PostMapping("/{id}/remove")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    HouseholdResponse remove(@PathVariable String id, @RequestBody ReasonRequest request, Caller caller) {
        return HouseholdResponse.of(households.remove(id, request.reason(), request.version(), caller));
    }

    /** A page of the household's history, oldest first: what changed (field names only), by whom, when and why. */
    @GetMapping("/{id}/history")
    @PreAuthorize(AREA_STAFF)
    Page<ChangeResponse> history(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return households.history(id, Paging.of(page, size), caller).map(c -> new ChangeResponse(c.version(),
                c.kind().name(), c.at(), c.by(), c.reason(), c.personId(), c.fields()));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    record CorrectAddressRequest(@Size(max = 40) String building, @Size(max = 40) String unit,
            @Size(max = 40) String room, String reason, Long version) {
    }

    record CorrectPersonRequest(@Size(max = 60) String name, @Size(max = 20) String relation, String idNumber,
            String phone, Set<ServiceTag> tags, String reason, Long version) {
    }

    record ReasonRequest(String reason, Long version) {
    }

    /** How many households a member is paired with against the target range of their kind of pairing. */
    record MemberLoadResponse(String memberId, int households, boolean centralHousehold, int targetMin, int targetMax,
            boolean withinTarget) {
    }

    record ChangeResponse(long version, String kind, java.time.Instant at, String by, String reason, String personId,
            List<String> fields) {
    }

    record RegisterHouseholdRequest(@NotBlank String gridCode, @NotBlank @Size(max = 40) String building,
            @NotBlank @Size(max = 40) String unit, @NotBlank @Size(max = 40) String room) {
    }

    record AddPersonRequest(@NotBlank @Size(max = 60) String name, @Size(max = 20) String relation,
            @NotBlank String idNumber, String phone, Set<ServiceTag> tags) {

        NewPerson toNewPerson() {
            return new NewPerson(name.strip(), relation, idNumber.strip().toUpperCase(),
                    phone == null || phone.isBlank() ? null : phone.strip(), tags);
        }
    }

    record SearchRequest(String idNumber, String phone) {
    }

    record PairRequest(@NotBlank String memberId, Boolean centralHousehold) {
    }
}
