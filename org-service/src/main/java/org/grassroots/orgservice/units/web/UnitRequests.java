package org.grassroots.orgservice.units.web;

import org.grassroots.contracts.orgs.OrgUnitType;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** Request bodies of the unit endpoints; {@code version} is the version the client read (409 if stale). */
final class UnitRequests {

    private UnitRequests() {
    }

    record CreateUnitRequest(
            @NotBlank @Size(max = 63) String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull OrgUnitType type,
            String parentCode,
            @PositiveOrZero Integer expectedGrids) {
    }

    record RenameUnitRequest(@NotBlank @Size(max = 100) String name, Long version) {
    }

    record MoveUnitRequest(@NotBlank String parentCode, Long version) {
    }

    record RetireUnitRequest(Long version) {
    }
}
