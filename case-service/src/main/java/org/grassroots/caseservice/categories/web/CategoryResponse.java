package org.grassroots.caseservice.categories.web;

import java.util.List;

import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.contracts.cases.HandlingLevel;

/** A category as the API shows it; {@code version} goes back in an update. */
record CategoryResponse(
        String code,
        String name,
        String nameEn,
        CategoryKind kind,
        HandlingLevel startingLevel,
        String departmentId,
        TimeLimitsBody limits,
        TimeLimitsBody emergencyLimits,
        List<AttributeBody> attributes,
        boolean active,
        long version) {

    static CategoryResponse of(Category category) {
        CategoryDefinition definition = category.definition();
        return new CategoryResponse(category.code(), definition.name(), definition.nameEn(), definition.kind(),
                definition.startingLevel(), definition.departmentId(), TimeLimitsBody.of(definition.limits()),
                TimeLimitsBody.of(definition.emergencyLimits()),
                definition.attributes().stream().map(AttributeBody::of).toList(), category.isActive(),
                category.version());
    }
}
