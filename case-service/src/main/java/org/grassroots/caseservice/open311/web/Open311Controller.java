package org.grassroots.caseservice.open311.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.open311.ApiKeys;
import org.grassroots.caseservice.open311.NewServiceRequest;
import org.grassroots.caseservice.open311.Open311Client;
import org.grassroots.caseservice.open311.Open311Exception;
import org.grassroots.caseservice.open311.Open311Service;
import org.grassroots.caseservice.open311.RequestQuery;
import org.grassroots.caseservice.open311.RequestUpdateView;
import org.grassroots.caseservice.open311.ServiceRequestView;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Open311 GeoReport v2 (docs/open311.md), each resource as {@code .xml} or {@code .json}. Reading is
 * open to anyone, as the specification intends; filing a request needs an {@code api_key}
 * ({@link ApiKeys}). These paths are outside the platform's bearer-token security
 * ({@link Open311Security}); what they publish is chosen in {@link Open311Service}.
 */
@RestController
@RequestMapping(Open311Controller.BASE)
class Open311Controller {

    static final String BASE = "/open311/v2";

    private final Open311Service open311;
    private final ApiKeys apiKeys;
    private final Open311Documents documents;

    Open311Controller(Open311Service open311, ApiKeys apiKeys, WorkingCalendar calendar) {
        this.open311 = open311;
        this.apiKeys = apiKeys;
        this.documents = new Open311Documents(calendar.zone());
    }

    @GetMapping("/services.{format}")
    ResponseEntity<String> services(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(jurisdictionId);
        return ok(as, documents.services(open311.services()));
    }

    @GetMapping("/services/{serviceCode}.{format}")
    ResponseEntity<String> definition(@PathVariable String serviceCode, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(jurisdictionId);
        return ok(as, documents.definition(open311.service(serviceCode)));
    }

    /**
     * POST requests: form-encoded as the specification says ({@code application/x-www-form-urlencoded}).
     * The reporter's {@code email}, {@code first_name},
     * {@code last_name}, {@code phone}, {@code device_id} and {@code account_id} are accepted and never
     * read, kept or logged.
     */
    @PostMapping("/requests.{format}")
    ResponseEntity<String> create(@PathVariable String format, @RequestParam MultiValueMap<String, String> form) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(form.getFirst("jurisdiction_id"));
        Open311Client client = apiKeys.authenticate(form.getFirst("api_key"));
        List<String> problems = new ArrayList<>();
        Double lat = number(form.getFirst("lat"), "lat", problems);
        Double lon = number(form.getFirst("long"), "long", problems);
        if (!problems.isEmpty()) {
            throw new Open311Exception(400, problems);
        }
        NewServiceRequest request = new NewServiceRequest(form.getFirst("service_code"), lat, lon,
                form.getFirst("address_string"), form.getFirst("address_id"), form.getFirst("description"),
                form.getFirst("media_url"), answersOf(form));
        Case filed = open311.submit(client, request);
        return ResponseEntity.status(HttpStatus.CREATED).contentType(as.mediaType())
                .body(documents.write(documents.created(filed.id(), Open311Service.noticeOf(filed)), as));
    }

    /**
     * The answers to the service's attributes: {@code attribute[code]=value}, and for a
     * multivaluelist {@code attribute[code][]=value} (or the same key repeated).
     */
    static Map<String, Object> answersOf(MultiValueMap<String, String> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (!key.startsWith("attribute[") || !key.contains("]")) {
                return;
            }
            boolean list = key.endsWith("[]");
            String code = key.substring("attribute[".length(), key.indexOf(']'));
            List<String> given = values.stream().filter(value -> value != null && !value.isBlank()).toList();
            if (list || given.size() > 1) {
                @SuppressWarnings("unchecked")
                List<String> earlier = answers.get(code) instanceof List<?> known ? (List<String>) known : List.of();
                List<String> all = new ArrayList<>(earlier);
                all.addAll(given);
                answers.put(code, all);
            } else if (!given.isEmpty()) {
                answers.put(code, given.get(0));
            }
        });
        return answers;
    }

    @GetMapping("/requests.{format}")
    ResponseEntity<String> requests(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "service_request_id", required = false) String ids,
            @RequestParam(name = "service_code", required = false) String serviceCodes,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "status", required = false) String status,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            HttpServletRequest http) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(jurisdictionId);
        RequestQuery query = query(ids, serviceCodes, start, end, status, page, pageSize);
        Open311Service.Page<ServiceRequestView> found = open311.requests(query);
        return paged(as, documents.requests(found.items()), found, http);
    }

    @GetMapping("/requests/{serviceRequestId}.{format}")
    ResponseEntity<String> request(@PathVariable String serviceRequestId, @PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(jurisdictionId);
        return ok(as, documents.requests(List.of(open311.request(serviceRequestId))));
    }

    /** FixMyStreet's extension: the changes of state within a window (default: the last 90 days), oldest first. */
    @GetMapping("/servicerequestupdates.{format}")
    ResponseEntity<String> updates(@PathVariable String format,
            @RequestParam(name = "jurisdiction_id", required = false) String jurisdictionId,
            @RequestParam(name = "start_date", required = false) String start,
            @RequestParam(name = "end_date", required = false) String end,
            @RequestParam(name = "page", required = false) String page,
            @RequestParam(name = "page_size", required = false) String pageSize,
            HttpServletRequest http) {
        Open311Format as = Open311Format.of(format);
        open311.checkJurisdiction(jurisdictionId);
        RequestQuery query = query(null, null, start, end, null, page, pageSize);
        Open311Service.Page<RequestUpdateView> found = open311.updates(query);
        return paged(as, documents.updates(found.items()), found, http);
    }

    /** Any other path under {@code /open311/v2}: 404 in the specification's error format. */
    @RequestMapping("/**")
    ResponseEntity<String> unknown(HttpServletRequest http) {
        throw Open311Exception.notFound("no such Open311 resource: " + http.getRequestURI());
    }

    private static RequestQuery query(String ids, String serviceCodes, String start, String end, String status,
            String page, String pageSize) {
        List<String> problems = new ArrayList<>();
        Instant from = time(start, "start_date", problems);
        Instant to = time(end, "end_date", problems);
        Boolean open = null;
        if (status != null && !status.isBlank()) {
            List<String> words = list(status).stream().map(word -> word.toLowerCase(Locale.ROOT)).toList();
            if (!List.of("open", "closed").containsAll(words)) {
                problems.add("status must be open, closed or open,closed");
            } else if (words.contains("open") != words.contains("closed")) {
                open = words.contains("open");
            }
        }
        int pageNumber = whole(page, "page", 1, problems);
        int size = whole(pageSize, "page_size", Open311Service.MAX_PAGE_SIZE, problems);
        if (!problems.isEmpty()) {
            throw new Open311Exception(400, problems);
        }
        return new RequestQuery(ids == null ? null : list(ids), serviceCodes == null ? null : list(serviceCodes), open,
                from, to, pageNumber, size);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(part -> !part.isEmpty()).toList();
    }

    private static Instant time(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " must be a W3C date and time with its time zone, e.g. 2026-11-21T09:30:00+08:00");
            return null;
        }
    }

    private static int whole(String value, String name, int absent, List<String> problems) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            problems.add(name + " must be a whole number");
            return absent;
        }
    }

    private static Double number(String value, String name, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (!Double.isFinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            problems.add(name + " must be a decimal number");
            return null;
        }
    }

    private ResponseEntity<String> ok(Open311Format as, Open311Documents.Document document) {
        return ResponseEntity.ok().contentType(as.mediaType()).body(documents.write(document, as));
    }

    /** A page with the pagination extension's headers: how many in all, and where the next page is. */
    private ResponseEntity<String> paged(Open311Format as, Open311Documents.Document document,
            Open311Service.Page<?> page, HttpServletRequest http) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(as.mediaType())
                .header("X-Total-Count", Long.toString(page.total()));
        if ((long) page.page() * page.pageSize() < page.total()) {
            // Relative, so it holds behind the gateway whatever host the client called.
            String asked = http.getRequestURI() + (http.getQueryString() == null ? "" : "?" + http.getQueryString());
            String next = UriComponentsBuilder.fromUriString(asked)
                    .replaceQueryParam("page", page.page() + 1).replaceQueryParam("page_size", page.pageSize())
                    .build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(documents.write(document, as));
    }
}
