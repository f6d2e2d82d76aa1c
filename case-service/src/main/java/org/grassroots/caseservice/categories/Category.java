package org.grassroots.caseservice.categories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.grassroots.contracts.cases.HandlingLevel;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;

/**
 * A kind of case in the catalogue (暴露垃圾, 违章搭建, 独居老人帮扶…): where it starts, who is
 * responsible, how long each stage may take and what a report must tell. Retired categories stay
 * for the history of their cases but take no new reports.
 */
public final class Category {

    public static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

    private final String code;
    private final CategoryDefinition definition;
    private final boolean active;
    private final long version;

    Category(String code, CategoryDefinition definition, boolean active, long version) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidFieldException("code", "must be a category code such as EXPOSED_RUBBISH");
        }
        this.code = code;
        this.definition = Objects.requireNonNull(definition, "definition");
        this.active = active;
        this.version = version;
    }

    /** A new, active category at version 1. */
    public static Category define(String code, CategoryDefinition definition) {
        return new Category(code, definition, true, 1);
    }

    /** The category as an administrator redefined it, one version on. */
    public Category revise(CategoryDefinition revised) {
        return new Category(code, revised, active, version + 1);
    }

    /** Takes the category out of use for new reports; its cases keep it. */
    public Category retire() {
        if (!active) {
            throw new InvalidStateException("Category " + code + " is already retired");
        }
        return new Category(code, definition, false, version + 1);
    }

    /** The limits a case of this category runs against: the emergency tier if asked for and there is one. */
    public CategoryLimits limitsFor(boolean emergency) {
        return emergency && hasEmergencyTier() ? definition.emergencyLimits() : definition.limits();
    }

    public boolean hasEmergencyTier() {
        return definition.emergencyLimits() != null;
    }

    /**
     * Checks a report's answers to the extra questions: each missing required answer, each answer of
     * the wrong kind and each answer to a question the category does not ask, as
     * {@code answers.<question code>}. An empty list means the answers are fine.
     */
    public List<FieldError> checkAnswers(Map<String, ?> answers) {
        Map<String, ?> given = answers == null ? Map.of() : answers;
        List<FieldError> errors = new ArrayList<>();
        for (CategoryAttribute attribute : definition.attributes()) {
            attribute.problemWith(given.get(attribute.code()))
                    .ifPresent(reason -> errors.add(new FieldError("answers." + attribute.code(), reason)));
        }
        for (String asked : new TreeSet<>(given.keySet())) {
            if (attribute(asked).isEmpty()) {
                errors.add(new FieldError("answers." + asked, "is not a question of category " + code));
            }
        }
        return errors;
    }

    public Optional<CategoryAttribute> attribute(String attributeCode) {
        return definition.attributes().stream().filter(a -> a.code().equals(attributeCode)).findFirst();
    }

    public String code() {
        return code;
    }

    public CategoryDefinition definition() {
        return definition;
    }

    public String name() {
        return definition.name();
    }

    public CategoryKind kind() {
        return definition.kind();
    }

    public HandlingLevel startingLevel() {
        return definition.startingLevel();
    }

    public String departmentId() {
        return definition.departmentId();
    }

    public boolean isActive() {
        return active;
    }

    public long version() {
        return version;
    }

    @Override
    public String toString() {
        return "Category[" + code + " " + definition.name() + " v" + version + (active ? "" : " retired") + "]";
    }
}
