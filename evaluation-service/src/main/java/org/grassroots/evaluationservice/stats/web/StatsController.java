package org.grassroots.evaluationservice.stats.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.grassroots.evaluationservice.export.web.Csv;
import org.grassroots.evaluationservice.stats.FiledCases;
import org.grassroots.evaluationservice.stats.Grouping;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.evaluationservice.stats.StatsRow;
import org.grassroots.evaluationservice.stats.StatsService;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/stats")
class StatsController {

    private final FiledCases filedCases;
    private final StatsService stats;

    StatsController(FiledCases filedCases, StatsService stats) {
        this.filedCases = filedCases;
        this.stats = stats;
    }

    /**
     * Statistics of the cases in the caller's scope, one row per group and period, e.g.
     * {@code GET /api/stats?groupBy=community&period=quarter&from=2026-01-01&to=2026-06-30}.
     * {@code groupBy}: district, street, community, grid, department, category or all (default
     * community); {@code period}: day, week, month, quarter, year, or none for the whole range.
     * JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv}.
     */
    @GetMapping
    @PreAuthorize("hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'department_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<?> stats(@RequestParam(defaultValue = "community") String groupBy,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Caller caller) {
        List<StatsRow> rows = stats.query(caller, grouping(groupBy), period(period), from, to);
        return Csv.respond(rows, StatsRow.class, "stats-" + groupBy.toLowerCase(Locale.ROOT), format, accept);
    }

    /** Cases reported per community since the start, limited to the caller's part of the organisation. */
    @GetMapping("/filed-cases")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<?> filedCases(@RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        return Csv.respond(filedCases.perCommunity(caller), FiledCases.CommunityCount.class, "filed-cases", format,
                accept);
    }

    static Grouping grouping(String value) {
        try {
            return Grouping.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("groupBy", "must be one of " + names(Grouping.values()));
        }
    }

    static Period period(String value) {
        if (value == null || value.isBlank() || "none".equalsIgnoreCase(value.strip())) {
            return null;
        }
        try {
            return Period.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", "must be one of " + names(Period.values()) + " or none");
        }
    }

    private static String names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList().toString();
    }
}
