package org.grassroots.volunteerservice.points.web;

import org.grassroots.volunteerservice.points.PointsService;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A manual award (positive points) or deduction (negative) by community staff. The reason is
 * required and kept on the entry. {@code orgPath} defaults to the caller's; {@code requestId}
 * makes a retried request count once.
 */
record ManualAwardRequest(
        @NotBlank @Size(max = 64) String userId,
        @NotNull Integer points,
        @NotBlank @Size(max = 500) String reason,
        @Size(max = 300) String orgPath,
        @Pattern(regexp = "\\d{15}(\\d{2})?", message = "must be a 15-digit grid code or a 17-digit micro-grid code")
        String gridCode,
        @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1-64 letters, digits, '.', '_' or '-'")
        String requestId) {

    PointsService.ManualAward toAward() {
        return new PointsService.ManualAward(userId.strip(), points, reason.strip(), orgPath, gridCode, requestId);
    }
}
