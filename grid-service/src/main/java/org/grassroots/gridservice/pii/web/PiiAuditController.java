package org.grassroots.gridservice.pii.web;

import java.time.Instant;
import java.util.List;

import org.grassroots.gridservice.pii.PiiAudit;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/pii-audit}: who read whose personal data unmasked, for district administrators of the area. */
@RestController
class PiiAuditController {

    static final int MAX_SIZE = 500;

    private final PiiAudit audit;

    PiiAuditController(PiiAudit audit) {
        this.audit = audit;
    }

    record EntryResponse(String id, Instant at, String userId, List<String> roles, String purpose,
            List<String> householdIds, List<String> personIds, List<String> fields) {
    }

    record PageResponse(List<EntryResponse> items, int page, int size, long total) {
    }

    @GetMapping("/api/pii-audit")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    PageResponse read(@RequestParam(required = false) String householdId, @RequestParam(required = false) String userId,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidFieldException("page", "must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
        PiiAudit.Page found = audit.read(caller, householdId, userId, p, s);
        return new PageResponse(found.items().stream().map(e -> new EntryResponse(e.id(), e.at(), e.userId(), e.roles(),
                e.purpose(), e.householdIds(), e.personIds(), e.fields())).toList(), found.page(), found.size(),
                found.total());
    }
}
