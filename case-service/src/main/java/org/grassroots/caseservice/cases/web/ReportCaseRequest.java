package org.grassroots.caseservice.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A report from the resident app or a grid worker: what, and where. {@code emergency} (optional,
 * false when left out) asks for the category's emergency time limits; a category without an
 * emergency tier refuses it with 400 on {@code emergency}.
 */
record ReportCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
        String categoryCode,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid Point point,
        @Size(max = 200) String locationDescription,
        Boolean emergency) {

    record Point(
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
    }
}
