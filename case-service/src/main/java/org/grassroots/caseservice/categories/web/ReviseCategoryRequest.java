package org.grassroots.caseservice.categories.web;

import java.util.List;

import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.contracts.cases.HandlingLevel;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The whole new definition of a category, with the {@code version} the administrator read: if someone
 * changed the category since, the update is refused with 409.
 */
record ReviseCategoryRequest(
        @NotBlank @Size(max = 50) String name,
        @Size(max = 100) String nameEn,
        @NotNull CategoryKind kind,
        @NotNull HandlingLevel startingLevel,
        @Pattern(regexp = "[a-z][a-z0-9-]{1,63}", message = "must be a department id such as dept-urban")
        String departmentId,
        @NotNull @Valid TimeLimitsBody limits,
        @Valid TimeLimitsBody emergencyLimits,
        @Size(max = 30) List<@NotNull @Valid AttributeBody> attributes,
        @NotNull @Positive Long version) {

    CategoryDefinition toDefinition() {
        return CategoryBodies.definition(name, nameEn, kind, startingLevel, departmentId, limits, emergencyLimits,
                attributes);
    }
}
