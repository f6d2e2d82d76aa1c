package org.grassroots.evaluationservice.stats.web;

import java.util.List;

import org.grassroots.evaluationservice.stats.FiledCases;
import org.grassroots.platform.security.Caller;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stats")
class StatsController {

    private final FiledCases filedCases;

    StatsController(FiledCases filedCases) {
        this.filedCases = filedCases;
    }

    /** Cases filed per community, limited to the caller's part of the organisation. */
    @GetMapping("/filed-cases")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    List<FiledCases.CommunityCount> filedCases(Caller caller) {
        return filedCases.perCommunity(caller);
    }
}
