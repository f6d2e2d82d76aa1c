package org.grassroots.evaluationservice.rectifications.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.grassroots.evaluationservice.export.web.Csv;
import org.grassroots.evaluationservice.rectifications.RectificationRule;
import org.grassroots.evaluationservice.rectifications.RectificationService;
import org.grassroots.evaluationservice.stats.Period;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.security.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/rectifications")
class RectificationController {

    private final RectificationService rectifications;

    RectificationController(RectificationService rectifications) {
        this.rectifications = rectifications;
    }

    /** The communities on the rectification list in the caller's area; {@code ?period=2026-Q1}, {@code ?includeLifted=true}, CSV. */
    @GetMapping
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    ResponseEntity<?> list(@RequestParam(required = false) String period,
            @RequestParam(defaultValue = "false") boolean includeLifted,
            @RequestParam(required = false) String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept, Caller caller) {
        return Csv.respond(rectifications.list(caller, period, includeLifted).stream()
                        .map(RectificationEntryResponse::of).toList(), RectificationEntryResponse.class,
                "rectification-list", format, accept);
    }

    @GetMapping("/rules")
    @PreAuthorize("hasAnyRole('community_staff', 'street_staff', 'district_admin', 'platform_admin')")
    List<RectificationRuleResponse> rules() {
        return rectifications.rules().stream().map(RectificationRuleResponse::of).toList();
    }

    /** Creates or changes a rule (district administrators). */
    @PutMapping("/rules/{id}")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    RectificationRuleResponse saveRule(@PathVariable String id, @Valid @RequestBody RuleRequest request) {
        if (!id.matches("[a-z0-9-]{3,64}")) {
            throw new InvalidFieldException("id", "must be 3 to 64 lower-case letters, digits or hyphens");
        }
        Period period = Period.valueOf(request.period().toUpperCase(Locale.ROOT));
        return RectificationRuleResponse.of(rectifications.saveRule(new RectificationRule(id,
                request.description().strip(), request.threshold(), request.minimumRatings(), period,
                request.active() == null || request.active(), 1), request.version()));
    }

    /** Re-evaluates every community for the period holding {@code day} (default today); returns the list after it. */
    @PostMapping("/evaluations")
    @PreAuthorize("hasAnyRole('district_admin', 'platform_admin')")
    List<RectificationEntryResponse> evaluate(@Valid @RequestBody EvaluationRequest request, Caller caller) {
        LocalDate day;
        try {
            day = Period.quarterStart(request.period());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException("period", e.getMessage());
        }
        rectifications.evaluateAll(day);
        return rectifications.list(caller, request.period(), true).stream().map(RectificationEntryResponse::of).toList();
    }

    /**
     * @param threshold      a fraction, e.g. 0.60
     * @param minimumRatings ratings needed before a community is judged
     * @param period         month, quarter or year
     * @param version        the version read, for optimistic concurrency; optional
     */
    record RuleRequest(
            @NotBlank @Size(max = 200) String description,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") BigDecimal threshold,
            @Min(1) @Max(10_000) int minimumRatings,
            @NotNull @Pattern(regexp = "(?i)month|quarter|year", message = "must be month, quarter or year") String period,
            Boolean active,
            Long version) {
    }

    /** @param period the quarter to evaluate, e.g. {@code 2026-Q1} */
    record EvaluationRequest(@NotBlank String period) {
    }
}
