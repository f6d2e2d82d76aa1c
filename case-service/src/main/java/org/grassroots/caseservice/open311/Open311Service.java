package org.grassroots.caseservice.open311;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.cases.CaseHistoryEntry;
import org.grassroots.caseservice.cases.CaseSearch;
import org.grassroots.caseservice.cases.CaseService;
import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryCatalogue;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.paging.Paging;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Open311 GeoReport v2 over the case catalogue and intake (docs/open311.md). Only complaint
 * categories (problems in public space: rubbish, lamps, roads) are services; needs of a person
 * (an elderly resident living alone) are not offered to, nor shown through, an open interface that
 * answers anyone. Requests are filed through {@link CaseService#report}, as the resident app's are.
 */
@Service
public class Open311Service {

    /** The specification's longest span of a search and its default window. */
    public static final Duration MAX_SPAN = Duration.ofDays(90);
    /** The specification's most requests in one answer, which is also the default page size. */
    public static final int MAX_PAGE_SIZE = 1000;
    static final int MAX_DESCRIPTION = 2000;
    static final int MAX_ADDRESS = 200;
    static final int MAX_MEDIA_URL = 2048;

    private static final Logger log = LoggerFactory.getLogger(Open311Service.class);
    private static final Map<CaseStatus, String> NOTES = new EnumMap<>(Map.of(
            CaseStatus.REPORTED, "已上报，等待受理 / Reported, waiting to be accepted",
            CaseStatus.ACCEPTED, "已立案，等待派单 / Accepted, waiting to be dispatched",
            CaseStatus.DISPATCHED, "已派单 / Dispatched to the agency responsible",
            CaseStatus.CLAIMED, "处置中 / Being dealt with",
            CaseStatus.RESOLVED, "已处置，等待核查 / Dealt with, being checked on site",
            CaseStatus.CLOSED, "已办结 / Closed: dealt with and checked",
            CaseStatus.CANCELLED, "已注销 / Cancelled: not a case to be dealt with",
            CaseStatus.RETURNED, "退回，等待重新派单 / Returned, waiting to be dispatched again",
            CaseStatus.REOPENED, "发回重办 / Reopened to be dealt with again",
            CaseStatus.PARKED, "已挂账，暂不具备解决条件 / Parked: cannot be dealt with for now"));

    private final CategoryCatalogue categories;
    private final CaseService cases;
    private final CaseSearch search;
    private final Open311Submissions submissions;
    private final Open311Properties settings;
    private final Clock clock;

    Open311Service(CategoryCatalogue categories, CaseService cases, CaseSearch search, Open311Submissions submissions,
            Open311Properties settings, Clock clock) {
        this.categories = categories;
        this.cases = cases;
        this.search = search;
        this.submissions = submissions;
        this.settings = settings;
        this.clock = clock;
    }

    /** One page of a list, and how many there are in all. */
    public record Page<T>(List<T> items, int page, int pageSize, long total) {
    }

    /** Refuses a {@code jurisdiction_id} other than the one this endpoint serves (it may be left out). */
    public void checkJurisdiction(String jurisdictionId) {
        if (jurisdictionId != null && !jurisdictionId.isBlank() && !jurisdictionId.strip().equals(settings.jurisdictionId())) {
            throw Open311Exception.badRequest("jurisdiction_id '" + jurisdictionId.strip()
                    + "' is not served here; this endpoint serves '" + settings.jurisdictionId() + "'");
        }
    }

    public String jurisdictionId() {
        return settings.jurisdictionId();
    }

    /** GET services: the active complaint categories, in the catalogue's order. */
    public List<Category> services() {
        return categories.list(false).stream().filter(Open311Service::isPublished).toList();
    }

    /** GET services/{code}: an active complaint category, or 404. */
    public Category service(String code) {
        return activeService(code).orElseThrow(() -> Open311Exception.notFound("service_code '" + code + "' not found"));
    }

    private Optional<Category> activeService(String code) {
        try {
            Category category = categories.get(code);
            return category.isActive() && isPublished(category) ? Optional.of(category) : Optional.empty();
        } catch (NotFoundException unknown) {
            return Optional.empty();
        }
    }

    private static boolean isPublished(Category category) {
        return category.kind() == CategoryKind.COMPLAINT;
    }

    /**
     * POST requests: files the request as a case through intake (answers checked against the
     * category's questions, the point located with the client's own token, duplicates linked, time
     * limits started). The client's service account is the reporter; its {@code org_path} holds the
     * case until a dispatcher places it when the point cannot be located or only an address is given.
     */
    public Case submit(Open311Client client, NewServiceRequest request) {
        List<String> problems = new ArrayList<>();
        if (request.serviceCode() == null || request.serviceCode().isBlank()) {
            problems.add("service_code is required");
        }
        boolean hasPoint = request.lat() != null && request.lon() != null;
        if ((request.lat() == null) != (request.lon() == null)) {
            problems.add("lat and long must be given together");
        } else if (hasPoint && (Math.abs(request.lat()) > 90 || Math.abs(request.lon()) > 180)) {
            problems.add("lat must lie between -90 and 90 and long between -180 and 180");
        }
        String address = blankToNull(request.addressString());
        if (!hasPoint && address == null) {
            problems.add(request.addressId() != null && !request.addressId().isBlank()
                    ? "address_id is not supported here: give lat and long, or address_string"
                    : "a location is required: lat and long, or address_string");
        }
        if (address != null && address.length() > MAX_ADDRESS) {
            problems.add("address_string must be at most " + MAX_ADDRESS + " characters");
        }
        String description = blankToNull(request.description());
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add("description must be at most " + MAX_DESCRIPTION + " characters");
        }
        String mediaUrl = blankToNull(request.mediaUrl());
        if (mediaUrl != null && !isWebAddress(mediaUrl)) {
            problems.add("media_url must be an absolute http or https URL of at most " + MAX_MEDIA_URL + " characters");
        }
        Category category = null;
        if (request.serviceCode() != null && !request.serviceCode().isBlank()) {
            category = activeService(request.serviceCode().strip()).orElse(null);
            if (category == null) {
                problems.add("service_code '" + request.serviceCode().strip() + "' not found");
            }
        }
        if (!problems.isEmpty()) {
            throw new Open311Exception(400, problems);
        }
        String orgPath = client.caller().orgPath() != null ? client.caller().orgPath() : "/unlocated";
        Case.NewReport report = new Case.NewReport(category.code(),
                description != null ? description : category.name(),
                hasPoint ? new GeoPoint(request.lon(), request.lat()) : null, address, Channel.OPEN311,
                client.caller().userId(), orgPath, false);
        Case filed;
        try {
            filed = cases.report(report, request.answers(), client.token());
        } catch (InvalidFieldException wrong) {
            throw new Open311Exception(400, wrong.errors().stream().map(Open311Service::inOpen311Terms).toList());
        }
        submissions.add(new Open311SubmissionDocument(filed.id(), client.clientId(), mediaUrl, clock.instant()));
        log.info("Open311: client {} filed case {}", client.clientId(), filed.id());
        return filed;
    }

    /** The notice a client shows its user after filing: the case number, and a nearby report it may repeat. */
    public static String noticeOf(Case filed) {
        String notice = "案件编号 Case number " + filed.number();
        return filed.possibleDuplicateOf() == null ? notice
                : notice + "; 附近已有同类未办结诉求 / an open report of the same problem nearby was already made";
    }

    private static String inOpen311Terms(FieldError error) {
        String field = error.field();
        if (field.startsWith("answers.")) {
            field = "attribute[" + field.substring("answers.".length()) + "]";
        } else if (field.equals("categoryCode")) {
            field = "service_code";
        }
        return field + " " + error.reason();
    }

    /** GET requests: the published requests that match, newest first. */
    public Page<ServiceRequestView> requests(RequestQuery query) {
        checkPage(query);
        List<String> published = publishedCategoryCodes();
        CaseSearch.PublishedFilter filter;
        if (query.ids() != null && !query.ids().isEmpty()) {
            filter = new CaseSearch.PublishedFilter(published, null, query.ids(), null, null, null, null);
        } else {
            List<String> codes = published;
            if (query.serviceCodes() != null && !query.serviceCodes().isEmpty()) {
                List<String> unknown = query.serviceCodes().stream().filter(code -> !published.contains(code)).toList();
                if (!unknown.isEmpty()) {
                    throw new Open311Exception(400, unknown.stream()
                            .map(code -> "service_code '" + code + "' not found").toList());
                }
                codes = query.serviceCodes();
            }
            Instant[] window = window(query.start(), query.end(), clock.instant());
            filter = new CaseSearch.PublishedFilter(codes, statusesOf(query.open()), null, window[0], window[1], null, null);
        }
        org.grassroots.platform.paging.Page<Case> found = search.published(filter, false,
                new Paging(query.page() - 1, query.pageSize()));
        Map<String, String> media = submissions.mediaUrls(found.items().stream().map(Case::id).toList());
        return new Page<>(found.items().stream().map(aCase -> viewOf(aCase, media.get(aCase.id()))).toList(),
                query.page(), query.pageSize(), found.totalItems());
    }

    /** GET requests/{id}: one published request, or 404. */
    public ServiceRequestView request(String id) {
        org.grassroots.platform.paging.Page<Case> found = search.published(
                new CaseSearch.PublishedFilter(publishedCategoryCodes(), null, List.of(id), null, null, null, null),
                false, new Paging(0, 1));
        if (found.items().isEmpty()) {
            throw Open311Exception.notFound("service_request_id '" + id + "' not found");
        }
        Case aCase = found.items().get(0);
        return viewOf(aCase, submissions.mediaUrls(List.of(aCase.id())).get(aCase.id()));
    }

    /**
     * servicerequestupdates: each change of state of a published case within the window (default
     * and longest: 90 days), oldest first, one page at a time. The changes are read case by case, so
     * a window in which more cases changed than {@link Open311Properties#maxUpdatedCases()} is refused
     * with 400 asking for a shorter one: answering from the first of them would leave changes out
     * without the caller knowing.
     */
    public Page<RequestUpdateView> updates(RequestQuery query) {
        checkPage(query);
        Instant[] window = window(query.start(), query.end(), clock.instant());
        int most = settings.maxUpdatedCases();
        org.grassroots.platform.paging.Page<Case> changed = search.published(new CaseSearch.PublishedFilter(
                publishedCategoryCodes(), null, null, null, null, window[0], window[1]), true, new Paging(0, most));
        if (changed.totalItems() > most) {
            throw Open311Exception.badRequest(changed.totalItems() + " requests changed between start_date and end_date,"
                    + " more than the " + most + " one call reads; ask for a shorter window");
        }
        List<RequestUpdateView> all = new ArrayList<>();
        for (Case aCase : changed.items()) {
            for (CaseHistoryEntry entry : aCase.history()) {
                if (entry.from() != null && entry.to() != null && entry.from() != entry.to()
                        && !entry.at().isBefore(window[0]) && !entry.at().isAfter(window[1])) {
                    all.add(new RequestUpdateView(aCase.id() + "-" + entry.version(), aCase.id(),
                            Case.isOpen(entry.to()), entry.at(), NOTES.get(entry.to()), null));
                }
            }
        }
        all.sort(Comparator.comparing(RequestUpdateView::updatedAt).thenComparing(RequestUpdateView::updateId));
        int from = (int) Math.min((long) (query.page() - 1) * query.pageSize(), all.size());
        int to = Math.min(from + query.pageSize(), all.size());
        return new Page<>(List.copyOf(all.subList(from, to)), query.page(), query.pageSize(), all.size());
    }

    /**
     * The search window: given both, they are kept (at most 90 days apart); given one, the other is
     * 90 days from it (the end never later than now); given neither, the last 90 days.
     */
    static Instant[] window(Instant start, Instant end, Instant now) {
        if (start != null && end != null) {
            if (end.isBefore(start)) {
                throw Open311Exception.badRequest("end_date must not be before start_date");
            }
            if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
                throw Open311Exception.badRequest("start_date and end_date must not span more than 90 days");
            }
            return new Instant[] {start, end};
        }
        if (start != null) {
            Instant later = start.plus(MAX_SPAN);
            return new Instant[] {start, later.isAfter(now) ? now : later};
        }
        Instant until = end != null ? end : now;
        return new Instant[] {until.minus(MAX_SPAN), until};
    }

    private static void checkPage(RequestQuery query) {
        if (query.page() < 1) {
            throw Open311Exception.badRequest("page must be 1 or more");
        }
        if (query.pageSize() < 1 || query.pageSize() > MAX_PAGE_SIZE) {
            throw Open311Exception.badRequest("page_size must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    private static List<CaseStatus> statusesOf(Boolean open) {
        if (open == null) {
            return null;
        }
        return Arrays.stream(CaseStatus.values()).filter(status -> Case.isOpen(status) == open).toList();
    }

    /** Every complaint category, retired ones too: their cases stay public. */
    private List<String> publishedCategoryCodes() {
        return categories.list(true).stream().filter(Open311Service::isPublished).map(Category::code).toList();
    }

    private ServiceRequestView viewOf(Case aCase, String mediaUrl) {
        String agency = aCase.assignee() != null && aCase.assignee().kind() == AssigneeKind.DEPARTMENT
                ? Optional.ofNullable(aCase.assignee().displayName()).orElse(aCase.assignee().id()) : null;
        String description = aCase.channel() == Channel.OPEN311 ? aCase.description() : null;
        return new ServiceRequestView(aCase.id(), aCase.isOpen(), NOTES.get(aCase.status()), aCase.categoryName(),
                aCase.categoryCode(), description, agency, null, aCase.reportedAt(), aCase.updatedAt(),
                aCase.isOpen() ? aCase.expectedCompletion() : null, aCase.locationDescription(),
                aCase.location() == null ? null : aCase.location().lat(),
                aCase.location() == null ? null : aCase.location().lon(), mediaUrl);
    }

    private static boolean isWebAddress(String value) {
        if (value.length() > MAX_MEDIA_URL) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
