package org.grassroots.caseservice.cases.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/cases/{id}/locate}: where an unlocated case is, as staff set it on the map, and
 * optionally the place in words (replacing the reporter's only when given).
 */
record LocateCaseRequest(@Positive Long version, @NotNull @Valid ReportCaseRequest.Point point,
        @Size(max = 200) String locationDescription) {
}
