package org.grassroots.caseservice.cases.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseFilter;
import org.grassroots.caseservice.cases.CaseSearch;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.caseservice.cases.CaseSort;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.AcceptCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.CancelCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ClaimCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.DispatchCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.EscalateCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ExtendCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ParkCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.PauseCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ReopenCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ReportInRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ResolveCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ResumeCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.ReturnCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.SuperviseCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.VerifyCaseRequest;
import org.grassroots.caseservice.cases.web.CaseCommandRequests.WhistleCaseRequest;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.Roles;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

/**
 * Intake, the case lists and the workflow commands. The role checks here are the coarse gate;
 * who may act on which case (area, department, assignee, level) is the service's rule.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private static final String STAFF = "hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')";
    private static final int MAX_PAGE_SIZE = 100;

    private static final int MAX_SEARCH_LENGTH = 100;
    private static final DateTimeFormatter EXPORT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT)
            .withZone(WorkingCalendar.DEFAULT_ZONE);

    private final CaseService cases;
    private final CaseSearch search;
    private final CaseCsv csv;
    private final Clock clock;

    CaseController(CaseService cases, CaseSearch search, WorkingCalendar calendar, Clock clock) {
        this.cases = cases;
        this.search = search;
        this.csv = new CaseCsv(calendar.zone());
        this.clock = clock;
    }

    // Intake

    @PostMapping
    @PreAuthorize("hasAnyRole('resident', 'grid_worker', 'part_time_worker', 'party_member', 'volunteer')")
    ResponseEntity<CaseResponse> report(@Valid @RequestBody ReportCaseRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        Channel channel = channelOf(request.channel(), caller);
        // Unless grid-service locates the point, the case belongs to the reporter's own area.
        String orgPath = caller.orgPath() != null ? caller.orgPath() : "/unlocated";
        Case reported = cases.report(new Case.NewReport(request.categoryCode(), request.description().strip(),
                new GeoPoint(request.point().lon(), request.point().lat()), request.locationDescription(), channel,
                caller.userId(), orgPath, Boolean.TRUE.equals(request.emergency())), request.answers(),
                bearerToken(authorization));
        return ResponseEntity.created(URI.create("/api/cases/" + reported.id())).body(CaseResponse.of(reported, caller));
    }

    /** The capacity a caller reports in: asked for in the request, or read from the roles. */
    private static Channel channelOf(Channel asked, Caller caller) {
        if (asked == null) {
            if (caller.hasRole(Roles.GRID_WORKER)) {
                return Channel.GRID_WORKER;
            }
            return caller.hasRole(Roles.PART_TIME_WORKER) ? Channel.PART_TIME_WORKER : Channel.RESIDENT_APP;
        }
        return switch (asked) {
            case RESIDENT_APP -> Channel.RESIDENT_APP;
            case GRID_WORKER -> {
                if (!caller.hasRole(Roles.GRID_WORKER)) {
                    throw new ForbiddenException("Only a grid worker may report through the GRID_WORKER channel");
                }
                yield Channel.GRID_WORKER;
            }
            case PART_TIME_WORKER -> {
                if (!caller.hasRole(Roles.PART_TIME_WORKER)) {
                    throw new ForbiddenException(
                            "Only a part-time grid worker may report through the PART_TIME_WORKER channel");
                }
                yield Channel.PART_TIME_WORKER;
            }
            case HOTLINE_12345, WISH_WALL, WALK_IN, PHONE_CALL -> throw new InvalidFieldException("channel",
                    "must be RESIDENT_APP, GRID_WORKER or PART_TIME_WORKER here; the hotline uses POST /api/cases/hotline");
            case OPEN311 -> throw new InvalidFieldException("channel",
                    "must be RESIDENT_APP, GRID_WORKER or PART_TIME_WORKER here; Open311 clients use POST /open311/v2/requests");
        };
    }

    /**
     * A case from the 12345 hotline, idempotent by {@code externalId}: 201 when it made the case,
     * 200 with the same case when the hotline sends the same id again.
     */
    @PostMapping("/hotline")
    @PreAuthorize("hasAnyRole('hotline', 'platform_admin')")
    ResponseEntity<CaseResponse> reportFromHotline(@Valid @RequestBody HotlineCaseRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        GeoPoint point = request.point() == null ? null : new GeoPoint(request.point().lon(), request.point().lat());
        // The hotline's own area (its service account's org path, e.g. the district) holds what cannot be located.
        String orgPath = caller.orgPath() != null ? caller.orgPath() : "/unlocated";
        CaseService.Intake intake = cases.reportFromHotline(request.externalId(),
                new Case.NewReport(request.categoryCode(), request.description().strip(), point,
                        request.locationDescription(), Channel.HOTLINE_12345, caller.userId(), orgPath,
                        Boolean.TRUE.equals(request.emergency())),
                request.answers(), bearerToken(authorization));
        CaseResponse body = CaseResponse.of(intake.aCase(), caller);
        return intake.created()
                ? ResponseEntity.created(URI.create("/api/cases/" + intake.aCase().id())).body(body)
                : ResponseEntity.status(HttpStatus.OK).body(body);
    }

    private static String bearerToken(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip() : null;
    }

    // Lists

    /**
     * The cases the caller may see that match every filter given, one page at a time in the order
     * asked ({@code sort}, newest report first by default); {@code totalItems} says how many match
     * in all, so no list is cut short without the caller knowing.
     */
    @GetMapping
    @PreAuthorize("isAuthenticated()")
    Page<CaseResponse> list(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String grid,
            @RequestParam(required = false) String community, @RequestParam(required = false) String street,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean duplicate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Boolean supervised, @RequestParam(required = false) String q,
            @RequestParam(required = false) String number, @RequestParam(required = false) String sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size, Caller caller) {
        CaseFilter filter = filterOf(status, category, grid, community, street, assignee, department, overdue,
                duplicate, from, to, supervised, q, number);
        return search.search(filter, CaseSort.parse(sort), casePage(page, size), caller).map(aCase -> CaseResponse.of(aCase, caller));
    }

    /**
     * The same list, whole, as CSV ({@code ?format=csv} or {@code Accept: text/csv}): written as the
     * store's cursor delivers the cases, so a large export is neither cut at a page nor held in
     * memory. {@code X-Total-Count} says how many rows follow the header.
     */
    @GetMapping(params = "format=csv")
    @PreAuthorize("isAuthenticated()")
    void export(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String grid,
            @RequestParam(required = false) String community, @RequestParam(required = false) String street,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean duplicate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Boolean supervised, @RequestParam(required = false) String q,
            @RequestParam(required = false) String number, @RequestParam(required = false) String sort,
            Caller caller, HttpServletResponse response) throws IOException {
        CaseFilter filter = filterOf(status, category, grid, community, street, assignee, department, overdue,
                duplicate, from, to, supervised, q, number);
        CaseSort order = CaseSort.parse(sort);
        response.setContentType(CaseCsv.TEXT_CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("cases-" + EXPORT_NAME.format(clock.instant()) + ".csv").build().toString());
        response.setHeader("X-Total-Count", Long.toString(search.count(filter, caller)));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        csv.header(out);
        search.forEach(filter, order, caller, aCase -> {
            try {
                csv.row(aCase, out);
            } catch (IOException broken) {
                throw new UncheckedIOException(broken);
            }
        });
        out.flush();
    }

    @GetMapping(produces = "text/csv")
    @PreAuthorize("isAuthenticated()")
    void exportAccepted(@RequestParam(required = false) CaseStatus status,
            @RequestParam(required = false) String category, @RequestParam(required = false) String grid,
            @RequestParam(required = false) String community, @RequestParam(required = false) String street,
            @RequestParam(required = false) String assignee, @RequestParam(required = false) String department,
            @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Boolean duplicate,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) Boolean supervised, @RequestParam(required = false) String q,
            @RequestParam(required = false) String number, @RequestParam(required = false) String sort,
            Caller caller, HttpServletResponse response) throws IOException {
        export(status, category, grid, community, street, assignee, department, overdue, duplicate, from, to,
                supervised, q, number, sort, caller, response);
    }

    private static CaseFilter filterOf(CaseStatus status, String category, String grid, String community,
            String street, String assignee, String department, Boolean overdue, Boolean duplicate, Instant from,
            Instant to, Boolean supervised, String q, String number) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && text.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidFieldException("q", "must be at most " + MAX_SEARCH_LENGTH + " characters");
        }
        String caseNumber = number == null || number.isBlank() ? null : number.strip();
        return new CaseFilter(status, category, grid, community, street, assignee, department, overdue, duplicate,
                from, to, supervised, text, caseNumber);
    }

    /** The caller's own reports, each with its expected completion. */
    @GetMapping("/mine")
    @PreAuthorize("isAuthenticated()")
    Page<CaseResponse> mine(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return search.mine(casePage(page, size), caller).map(aCase -> CaseResponse.of(aCase, caller));
    }

    /** The work waiting for a department (or for a party member or grid worker it was dispatched to). */
    @GetMapping("/inbox")
    @PreAuthorize("hasAnyRole('department_staff', 'party_member', 'grid_worker')")
    Page<CaseResponse> inbox(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return search.inbox(casePage(page, size), caller).map(aCase -> CaseResponse.of(aCase, caller));
    }

    /** New reports and unlocated cases of the dispatcher's area. */
    @GetMapping("/triage")
    @PreAuthorize(STAFF)
    Page<CaseResponse> triage(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
            Caller caller) {
        return search.triage(casePage(page, size), caller).map(aCase -> CaseResponse.of(aCase, caller));
    }

    /** A page of a case list: 20 by default, at most {@value #MAX_PAGE_SIZE} (whole cases are heavy). */
    static Paging casePage(Integer page, Integer size) {
        return Paging.of(page, size, Paging.DEFAULT_SIZE, MAX_PAGE_SIZE);
    }

    @GetMapping("/{id}")
    @PreAuthorize("isAuthenticated()")
    CaseResponse get(@PathVariable String id, Caller caller) {
        return CaseResponse.of(cases.get(id, caller), caller);
    }

    /**
     * The original this case may duplicate and the later reports that may duplicate it, oldest first,
     * one page at a time ({@code page} from 0, {@code size} 1 to 500, 20 by default).
     */
    @GetMapping("/{id}/duplicates")
    @PreAuthorize("isAuthenticated()")
    Page<CaseResponse> duplicates(@PathVariable String id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        Paging paging = Paging.of(page, size);
        return search.linkedDuplicates(cases.get(id, caller), paging, caller)
                .map(aCase -> CaseResponse.of(aCase, caller));
    }

    @GetMapping("/{id}/history")
    @PreAuthorize("isAuthenticated()")
    List<CaseHistoryResponse> history(@PathVariable String id, Caller caller) {
        return cases.history(id, caller).stream().map(CaseHistoryResponse::of).toList();
    }

    // The workflow commands (POST /api/cases/{id}/{command}).

    @PostMapping("/{id}/accept")
    @PreAuthorize(STAFF)
    CaseResponse accept(@PathVariable String id, @Valid @RequestBody(required = false) AcceptCaseRequest request,
            Caller caller) {
        AcceptCaseRequest body = request != null ? request : new AcceptCaseRequest(null, null);
        return CaseResponse.of(cases.accept(id, body.version(), body.note(), caller), caller);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize(STAFF)
    CaseResponse cancel(@PathVariable String id, @Valid @RequestBody CancelCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.cancel(id, request.version(), request.reason().strip(), caller), caller);
    }

    @PostMapping("/{id}/dispatch")
    @PreAuthorize(STAFF)
    CaseResponse dispatch(@PathVariable String id, @Valid @RequestBody DispatchCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.dispatch(id, request.version(), request.assignee().toAssignee(), request.note(),
                caller), caller);
    }

    /** Claim, return and resolve: the assignee, whoever that is (a department, a party member, a grid worker). */
    @PostMapping("/{id}/claim")
    @PreAuthorize("isAuthenticated()")
    CaseResponse claim(@PathVariable String id, @Valid @RequestBody(required = false) ClaimCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.claim(id, request != null ? request.version() : null, caller), caller);
    }

    @PostMapping("/{id}/return")
    @PreAuthorize("isAuthenticated()")
    CaseResponse returnCase(@PathVariable String id, @Valid @RequestBody ReturnCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.returnToDispatcher(id, request.version(), request.reason().strip(), caller),
                caller);
    }

    @PostMapping("/{id}/resolve")
    @PreAuthorize("isAuthenticated()")
    CaseResponse resolve(@PathVariable String id, @Valid @RequestBody ResolveCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.resolve(id, request.version(), request.note().strip(),
                request.attachments() == null ? List.of() : request.attachments(), caller), caller);
    }

    @PostMapping("/{id}/verify")
    @PreAuthorize("hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    CaseResponse verify(@PathVariable String id, @Valid @RequestBody VerifyCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.verify(id, request.version(), request.passed(), request.note(), caller), caller);
    }

    @PostMapping("/{id}/park")
    @PreAuthorize(STAFF)
    CaseResponse park(@PathVariable String id, @Valid @RequestBody ParkCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.park(id, request.version(), request.reason().strip(), caller), caller);
    }

    @PostMapping("/{id}/reopen")
    @PreAuthorize(STAFF)
    CaseResponse reopen(@PathVariable String id, @Valid @RequestBody ReopenCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.reopen(id, request.version(), request.reason().strip(), caller), caller);
    }

    @PostMapping("/{id}/escalate")
    @PreAuthorize("hasAnyRole('grid_worker', 'community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    CaseResponse escalate(@PathVariable String id, @Valid @RequestBody EscalateCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.escalate(id, request.version(), request.reason().strip(), caller), caller);
    }

    @PostMapping("/{id}/whistle")
    @PreAuthorize(STAFF)
    CaseResponse whistle(@PathVariable String id, @Valid @RequestBody WhistleCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.whistle(id, request.version(), request.departmentIds(), request.reason().strip(),
                caller), caller);
    }

    /** 报到: staff of a summoned department report their department in. */
    @PostMapping("/{id}/report-in")
    @PreAuthorize("hasRole('department_staff')")
    CaseResponse reportIn(@PathVariable String id, @Valid @RequestBody(required = false) ReportInRequest request,
            Caller caller) {
        return CaseResponse.of(cases.reportIn(id, request != null ? request.version() : null, caller), caller);
    }

    /** 延时: granted by a level above the one handling the case. */
    @PostMapping("/{id}/extend")
    @PreAuthorize(STAFF)
    CaseResponse extend(@PathVariable String id, @Valid @RequestBody ExtendCaseRequest request, Caller caller) {
        TimeLimit extension;
        try {
            extension = TimeLimit.parse(request.extension());
        } catch (IllegalArgumentException wrong) {
            throw new InvalidFieldException("extension", wrong.getMessage());
        }
        return CaseResponse.of(cases.extend(id, request.version(), request.stage(), extension,
                request.reason().strip(), caller), caller);
    }

    /** 督办: by a level above the one handling the case. */
    @PostMapping("/{id}/supervise")
    @PreAuthorize(STAFF)
    CaseResponse supervise(@PathVariable String id, @Valid @RequestBody(required = false) SuperviseCaseRequest request,
            Caller caller) {
        SuperviseCaseRequest body = request != null ? request : new SuperviseCaseRequest(null, null);
        return CaseResponse.of(cases.supervise(id, body.version(), body.note(), caller), caller);
    }

    /**
     * Places an unlocated case at a point on the map: staff of the area holding it or of the area
     * where the point lies; grid-service locates the point with the caller's token.
     */
    @PostMapping("/{id}/locate")
    @PreAuthorize(STAFF)
    CaseResponse locate(@PathVariable String id, @Valid @RequestBody LocateCaseRequest request,
            @RequestHeader(HttpHeaders.AUTHORIZATION) String authorization, Caller caller) {
        return CaseResponse.of(cases.locate(id, request.version(),
                new GeoPoint(request.point().lon(), request.point().lat()), request.locationDescription(),
                bearerToken(authorization), caller), caller);
    }

    /** Waiting for the resident: the assignee or staff of the case's area. */
    @PostMapping("/{id}/pause")
    @PreAuthorize("isAuthenticated()")
    CaseResponse pause(@PathVariable String id, @Valid @RequestBody PauseCaseRequest request, Caller caller) {
        return CaseResponse.of(cases.pause(id, request.version(), request.reason().strip(), caller), caller);
    }

    @PostMapping("/{id}/resume")
    @PreAuthorize("isAuthenticated()")
    CaseResponse resume(@PathVariable String id, @Valid @RequestBody(required = false) ResumeCaseRequest request,
            Caller caller) {
        return CaseResponse.of(cases.resume(id, request != null ? request.version() : null, caller), caller);
    }
}
