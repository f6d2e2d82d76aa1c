package org.grassroots.gridservice.ledgers.web;

import java.util.Map;

import org.grassroots.gridservice.households.ServiceTag;
import org.grassroots.gridservice.ledgers.LedgerEntry;
import org.grassroots.gridservice.ledgers.LedgerEntry.LedgerKind;
import org.grassroots.gridservice.ledgers.Ledgers;
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

/** A grid's ledgers and the staffing report, for staff of the area. */
@RestController
class LedgerController {

    static final String AREA_STAFF = "hasAnyRole('platform_admin', 'district_admin', 'street_staff', "
            + "'community_staff', 'grid_worker')";

    private final Ledgers ledgers;

    LedgerController(Ledgers ledgers) {
        this.ledgers = ledgers;
    }

    @PostMapping("/api/grids/{code}/ledger/entries")
    @PreAuthorize("hasAnyRole('platform_admin', 'community_staff', 'grid_worker')")
    ResponseEntity<EntryResponse> record(@PathVariable String code, @Valid @RequestBody EntryRequest request,
            Caller caller) {
        return ResponseEntity.status(201).body(EntryResponse.of(ledgers.record(code, request.kind(), request.name(),
                request.address(), request.creditCode(), request.contactPhone(), caller)));
    }

    /** A page of the grid's ledger entries, of one kind if given, by name. */
    @GetMapping("/api/grids/{code}/ledger/entries")
    @PreAuthorize(AREA_STAFF)
    Page<EntryResponse> entries(@PathVariable String code, @RequestParam(required = false) LedgerKind kind,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        return ledgers.entries(code, kind, Paging.of(page, size), caller).map(EntryResponse::of);
    }

    @GetMapping("/api/grids/{code}/ledger/population")
    @PreAuthorize(AREA_STAFF)
    PopulationResponse population(@PathVariable String code, Caller caller) {
        Ledgers.PopulationSummary summary = ledgers.population(code, caller);
        return new PopulationResponse(summary.gridCode(), summary.households(), summary.residents(), summary.byTag(),
                summary.unpairedHouseholds());
    }

    /** A page of the staffing report, a line per community in the caller's area, by community code. */
    @GetMapping("/api/grids/reports/staffing")
    @PreAuthorize("hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')")
    Page<StaffingLineResponse> staffing(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return ledgers.staffing(Paging.of(page, size), caller).map(line -> new StaffingLineResponse(line.communityId(),
                line.name(), line.orgPath(), line.residents(), line.workers(), line.workersPer10k(), line.meetsRule()));
    }

    /** The population ledger in numbers: households, residents, residents by service tag, unpaired households. */
    record PopulationResponse(String gridCode, int households, int residents, Map<ServiceTag, Integer> byTag,
            int unpairedHouseholds) {
    }

    /** A community's line of the staffing report: workers per 10,000 residents against the rule of 18. */
    record StaffingLineResponse(String communityId, String name, String orgPath, int residents, int workers,
            Double workersPer10k, boolean meetsRule) {
    }

    /** A ledger entry as the API shows it; the contact phone as the caller may see it. */
    record EntryResponse(String id, String gridCode, LedgerKind kind, String name, String address, String creditCode,
            String contactPhone) {

        static EntryResponse of(Ledgers.ShownEntry shown) {
            LedgerEntry entry = shown.entry();
            return new EntryResponse(entry.id(), entry.gridCode(), entry.kind(), entry.name(), entry.address(),
                    entry.creditCode(), shown.contactPhone());
        }
    }

    record EntryRequest(@NotNull LedgerKind kind, @NotBlank String name, @NotBlank String address, String creditCode,
            String contactPhone) {
    }
}
