package org.grassroots.caseservice.categories.web;

import org.grassroots.caseservice.categories.CategoryLimits;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** A tier's time limits as text: {@code 4h} working hours, {@code 3d} working days, {@code 10m} minutes around the clock. */
record TimeLimitsBody(
        @NotBlank @Pattern(regexp = LIMIT, message = MESSAGE) String respond,
        @NotBlank @Pattern(regexp = LIMIT, message = MESSAGE) String resolve,
        @NotBlank @Pattern(regexp = LIMIT, message = MESSAGE) String verify) {

    static final String LIMIT = "\\d{1,9}[hdm]";
    static final String MESSAGE = "must be like 4h (working hours), 3d (working days) or 10m (minutes around the clock)";

    CategoryLimits toLimits(String field) {
        return CategoryLimits.parse(respond, resolve, verify, field);
    }

    static TimeLimitsBody of(CategoryLimits limits) {
        return limits == null ? null : new TimeLimitsBody(limits.respond().toString(), limits.resolve().toString(),
                limits.verify().toString());
    }
}
