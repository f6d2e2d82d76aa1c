package org.grassroots.gridservice.pii.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.gridservice.pii.PiiAudit;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/pii-audit}: who read whose personal data unmasked, for district administrators of the
 * area; a page in the platform's one shape ({@code items, page, size, totalItems}), newest first.
 */
@RestController
class PiiAuditController {

    private final PiiAudit audit;

    PiiAuditController(PiiAudit audit) {
        this.audit = audit;
    }

    record EntryResponse(String id, Instant at, String userId, List<String> roles, String purpose,
            List<String> householdIds, List<String> personIds, List<String> fields) {
    }

    @GetMapping("/api/pii-audit")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    Page<EntryResponse> read(@RequestParam(required = false) String householdId,
            @RequestParam(required = false) String userId, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return audit.read(caller, householdId, userId, Paging.of(page, size, 50)).map(e -> new EntryResponse(e.id(),
                e.at(), e.userId(), e.roles(), e.purpose(), e.householdIds(), e.personIds(), e.fields()));
    }
}
