package org.grassroots.gridservice.ledgers.web;

import java.util.List;

import org.grassroots.gridservice.ledgers.LedgerEntry.LedgerKind;
import org.grassroots.gridservice.ledgers.Ledgers;
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
    ResponseEntity<Ledgers.EntryView> record(@PathVariable String code, @Valid @RequestBody EntryRequest request,
            Caller caller) {
        return ResponseEntity.status(201).body(ledgers.record(code, request.kind(), request.name(), request.address(),
                request.creditCode(), request.contactPhone(), caller));
    }

    @GetMapping("/api/grids/{code}/ledger/entries")
    @PreAuthorize(AREA_STAFF)
    List<Ledgers.EntryView> entries(@PathVariable String code, @RequestParam(required = false) LedgerKind kind,
            Caller caller) {
        return ledgers.entries(code, kind, caller);
    }

    @GetMapping("/api/grids/{code}/ledger/population")
    @PreAuthorize(AREA_STAFF)
    Ledgers.PopulationSummary population(@PathVariable String code, Caller caller) {
        return ledgers.population(code, caller);
    }

    @GetMapping("/api/grids/reports/staffing")
    @PreAuthorize("hasAnyRole('platform_admin', 'district_admin', 'street_staff', 'community_staff')")
    List<Ledgers.StaffingLine> staffing(Caller caller) {
        return ledgers.staffing(caller);
    }

    record EntryRequest(@NotNull LedgerKind kind, @NotBlank String name, @NotBlank String address, String creditCode,
            String contactPhone) {
    }
}
