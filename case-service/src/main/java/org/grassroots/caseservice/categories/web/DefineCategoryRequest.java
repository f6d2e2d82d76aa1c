package org.grassroots.caseservice.categories.web;

import java.util.List;

import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.contracts.cases.HandlingLevel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new category, as an administrator defines it; {@code seed.json} has the same shape. */
record DefineCategoryRequest(
        @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,63}", message = "must be a category code such as EXPOSED_RUBBISH")
        String code,
        @NotBlank @Size(max = 50) String name,
        @Size(max = 100) String nameEn,
        @NotNull CategoryKind kind,
        @NotNull HandlingLevel startingLevel,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,63}", message = "must be a department id such as dept-urban")
        String departmentId,
        @NotNull @Valid TimeLimitsBody limits,
        @Valid TimeLimitsBody emergencyLimits,
        @Size(max = 30) List<@NotNull @Valid AttributeBody> attributes) {

    CategoryDefinition toDefinition() {
        return CategoryBodies.definition(name, nameEn, kind, startingLevel, departmentId, limits, emergencyLimits,
                attributes);
    }
}
