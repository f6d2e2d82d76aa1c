package org.grassroots.caseservice.cases.web;

import java.util.Map;

import org.grassroots.contracts.cases.Channel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A report from the resident app, a grid worker or a part-time grid worker: what, and where.
 * {@code emergency} (optional, false when left out) asks for the category's emergency time limits;
 * a category without an emergency tier refuses it with 400 on {@code emergency}. {@code answers}
 * answer the category's extra questions, keyed by question code. {@code channel} (optional) says in
 * which capacity the caller reports: left out, a grid worker reports as {@code GRID_WORKER}, a
 * part-time grid worker as {@code PART_TIME_WORKER}, everyone else through {@code RESIDENT_APP};
 * given, it must fit the caller's roles (a grid worker may report their own home's problem as a
 * resident).
 */
record ReportCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
        String categoryCode,
        @NotBlank @Size(max = 2000) String description,
        @NotNull @Valid Point point,
        @Size(max = 200) String locationDescription,
        Boolean emergency,
        @Size(max = 30) Map<String, Object> answers,
        Channel channel) {

    record Point(
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double lon,
            @NotNull @DecimalMin("-90") @DecimalMax("90") Double lat) {
    }
}
