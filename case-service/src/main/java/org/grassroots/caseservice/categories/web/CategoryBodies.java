package org.grassroots.caseservice.categories.web;

import java.util.ArrayList;
import java.util.List;

import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.caseservice.categories.CategoryLimits;
import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/** Turns the fields both request bodies share into a definition, reporting every bad limit at once. */
final class CategoryBodies {

    private CategoryBodies() {
    }

    static CategoryDefinition definition(String name, String nameEn, CategoryKind kind, HandlingLevel startingLevel,
            String departmentId, TimeLimitsBody limits, TimeLimitsBody emergencyLimits, List<AttributeBody> attributes) {
        List<FieldError> errors = new ArrayList<>();
        CategoryLimits normal = limits(limits, "limits", errors);
        CategoryLimits emergency = emergencyLimits == null ? null : limits(emergencyLimits, "emergencyLimits", errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
        return new CategoryDefinition(name, nameEn, kind, startingLevel, departmentId, normal, emergency,
                attributes == null ? List.of() : attributes.stream().map(AttributeBody::toAttribute).toList());
    }

    private static CategoryLimits limits(TimeLimitsBody body, String field, List<FieldError> errors) {
        try {
            return body.toLimits(field);
        } catch (InvalidFieldException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
