package org.grassroots.caseservice.cases.web;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A case handed over by the 12345 hotline system (受理 → 转办). {@code externalId} is the hotline's
 * own work-order number: the same id twice makes one case. The point is optional (a caller gives an
 * address; the hotline may have geocoded it); without one the case is filed unlocated for triage.
 * The caller's name and phone stay in the hotline system.
 */
record HotlineCaseRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}",
                message = "must be the hotline's work-order id: letters, digits, _ . : - (at most 64)")
        String externalId,
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
        String categoryCode,
        @NotBlank @Size(max = 2000) String description,
        @Valid ReportCaseRequest.Point point,
        @Size(max = 200) String locationDescription,
        Boolean emergency,
        @Size(max = 30) Map<String, Object> answers) {
}
