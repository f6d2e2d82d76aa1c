package org.grassroots.caseservice.categories;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;

/**
 * Everything about a category an administrator may change. Invalid definitions cannot be made: the
 * constructor reports every broken rule at once, named as the fields of the API's request body.
 *
 * @param name            the name residents see, in Chinese, e.g. 暴露垃圾
 * @param nameEn          the English name, optional
 * @param kind            a complaint or a service request
 * @param startingLevel   where a new case of the category is handled first
 * @param departmentId    the responsible department (e.g. {@code dept-urban}), or {@code null} when the
 *                        community handles it itself
 * @param limits          the normal tier's time limits
 * @param emergencyLimits the emergency tier's time limits, or {@code null} if the category has none
 * @param attributes      the extra questions a report answers
 */
public record CategoryDefinition(String name, String nameEn, CategoryKind kind, HandlingLevel startingLevel,
        String departmentId, CategoryLimits limits, CategoryLimits emergencyLimits, List<CategoryAttribute> attributes) {

    public static final Pattern DEPARTMENT_ID = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    static final int MAX_NAME = 50;
    static final int MAX_ATTRIBUTES = 30;

    public CategoryDefinition {
        name = name == null ? null : name.strip();
        nameEn = nameEn == null || nameEn.isBlank() ? null : nameEn.strip();
        departmentId = departmentId == null || departmentId.isBlank() ? null : departmentId.strip();
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        List<FieldError> errors = violations(name, nameEn, kind, startingLevel, departmentId, limits, emergencyLimits,
                attributes);
        if (!errors.isEmpty()) {
            throw new InvalidFieldException(errors);
        }
    }

    private static List<FieldError> violations(String name, String nameEn, CategoryKind kind,
            HandlingLevel startingLevel, String departmentId, CategoryLimits limits, CategoryLimits emergencyLimits,
            List<CategoryAttribute> attributes) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("name", "must be at most " + MAX_NAME + " characters"));
        }
        if (nameEn != null && nameEn.length() > 2 * MAX_NAME) {
            errors.add(new FieldError("nameEn", "must be at most " + 2 * MAX_NAME + " characters"));
        }
        if (kind == null) {
            errors.add(new FieldError("kind", "is required"));
        }
        if (startingLevel == null) {
            errors.add(new FieldError("startingLevel", "is required"));
        }
        if (departmentId != null && !DEPARTMENT_ID.matcher(departmentId).matches()) {
            errors.add(new FieldError("departmentId", "must be a department id such as dept-urban"));
        }
        if (limits == null) {
            errors.add(new FieldError("limits", "is required"));
        } else {
            errors.addAll(limits.violations("limits"));
        }
        if (emergencyLimits != null) {
            errors.addAll(emergencyLimits.violations("emergencyLimits"));
        }
        if (attributes.size() > MAX_ATTRIBUTES) {
            errors.add(new FieldError("attributes", "must not be more than " + MAX_ATTRIBUTES + " questions"));
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            String field = "attributes[" + i + "]";
            CategoryAttribute attribute = attributes.get(i);
            if (attribute == null) {
                errors.add(new FieldError(field, "must not be empty"));
                continue;
            }
            errors.addAll(attribute.violations(field));
            if (attribute.code() != null && !codes.add(attribute.code())) {
                errors.add(new FieldError(field + ".code", "is already the code of another question"));
            }
        }
        return errors;
    }
}
