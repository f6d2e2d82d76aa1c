package org.grassroots.evaluationservice.propertycompanies.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;

import org.grassroots.evaluationservice.export.web.Csv;
import org.grassroots.evaluationservice.propertycompanies.PropertyCompany;
import org.grassroots.evaluationservice.propertycompanies.PropertyCompanyService;
import org.grassroots.evaluationservice.propertycompanies.QuarterlyEvaluation;
import org.grassroots.evaluationservice.propertycompanies.RedBlackList;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.paging.Page;
import org.grassroots.platform.paging.Paging;
import org.grassroots.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * Property companies' evaluations, by org-service's partner code. Companies are registered in
 * org-service ({@code PUT /api/partners/{code}}, kind {@code PROPERTY_COMPANY}); an unknown code is a
 * 404 naming the field {@code code}.
 */
@RestController
@RequestMapping("/api/evaluations/property-companies")
class PropertyCompanyController {

    private static final java.util.regex.Pattern HALF = java.util.regex.Pattern.compile("(\\d{4})-H([12])");

    private final PropertyCompanyService companies;

    PropertyCompanyController(PropertyCompanyService companies) {
        this.companies = companies;
    }

    /** A page of the property companies, by code (the default page is 20, the largest 500). */
    @GetMapping
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'department_staff', 'district_admin', 'platform_admin')")
    Page<PropertyCompanyResponse> list(@RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, Caller caller) {
        return companies.list(Paging.of(page, size), caller).map(PropertyCompanyResponse::of);
    }

    @GetMapping("/{code}")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'department_staff', 'district_admin', 'platform_admin')")
    PropertyCompanyResponse get(@PathVariable String code, Caller caller) {
        return PropertyCompanyResponse.of(companies.get(code, caller));
    }

    /** Records the month's inspection score (月检查), e.g. {@code PUT .../inspections/2026-03}. */
    @PutMapping("/{code}/inspections/{month}")
    @PreAuthorize("hasAnyRole('department_staff', 'district_admin', 'platform_admin')")
    PropertyCompanyResponse inspect(@PathVariable String code, @PathVariable String month,
            @Valid @RequestBody InspectionRequest request, Caller caller) {
        try {
            YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "must be a month such as 2026-03");
        }
        return PropertyCompanyResponse.of(companies.inspect(code, new PropertyCompany.Inspection(month, request.score(), request.note(),
                caller.userId()), caller));
    }

    /** The quarterly evaluation (季考评), e.g. {@code GET .../quarters/2026-Q1}. */
    @GetMapping("/{code}/quarters/{quarter}")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'department_staff', 'district_admin', 'platform_admin')")
    QuarterlyEvaluation quarter(@PathVariable String code, @PathVariable String quarter, Caller caller) {
        try {
            return companies.evaluate(code, quarter, caller);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("quarter", e.getMessage());
        }
    }

    /** The half-year's red and black lists, e.g. {@code GET .../red-black-list?half=2026-H1}; CSV gives the standing. */
    @GetMapping("/red-black-list")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'department_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<?> redBlackList(@RequestParam String half, @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        Matcher matcher = HALF.matcher(half.strip());
        if (!matcher.matches()) {
            throw new InvalidFieldException("half", "must be a half-year such as 2026-H1");
        }
        RedBlackList lists = companies.redBlackList(Integer.parseInt(matcher.group(1)),
                Integer.parseInt(matcher.group(2)), caller);
        if (Csv.wanted(format, accept)) {
            return Csv.respond(lists.standing(), RedBlackList.Standing.class, "red-black-list-" + lists.half(), format,
                    accept);
        }
        return ResponseEntity.ok(lists);
    }

    record InspectionRequest(@Min(0) @Max(100) int score, @Size(max = 500) String note) {
    }
}
