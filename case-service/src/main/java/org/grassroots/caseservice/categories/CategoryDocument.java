package org.grassroots.caseservice.categories;

import java.util.List;

import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.contracts.cases.HandlingLevel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** How a category is stored: keyed by its code, time limits as the text people write ({@code 2h}, {@code 10m}). */
@Document("categories")
record CategoryDocument(
        @Id String code,
        String name,
        String nameEn,
        CategoryKind kind,
        HandlingLevel startingLevel,
        String departmentId,
        StoredLimits limits,
        StoredLimits emergencyLimits,
        List<StoredAttribute> attributes,
        boolean active,
        long version) {

    static CategoryDocument of(Category category) {
        CategoryDefinition definition = category.definition();
        return new CategoryDocument(category.code(), definition.name(), definition.nameEn(), definition.kind(),
                definition.startingLevel(), definition.departmentId(), StoredLimits.of(definition.limits()),
                StoredLimits.of(definition.emergencyLimits()),
                definition.attributes().stream().map(StoredAttribute::of).toList(), category.isActive(),
                category.version());
    }

    Category toCategory() {
        return new Category(code, new CategoryDefinition(name, nameEn, kind, startingLevel, departmentId,
                limits.toLimits(), emergencyLimits == null ? null : emergencyLimits.toLimits(),
                attributes == null ? List.of() : attributes.stream().map(StoredAttribute::toAttribute).toList()),
                active, version);
    }

    record StoredLimits(String respond, String resolve, String verify) {

        static StoredLimits of(CategoryLimits limits) {
            return limits == null ? null : new StoredLimits(limits.respond().toString(), limits.resolve().toString(),
                    limits.verify().toString());
        }

        CategoryLimits toLimits() {
            return new CategoryLimits(TimeLimit.parse(respond), TimeLimit.parse(resolve), TimeLimit.parse(verify));
        }
    }

    record StoredAttribute(String code, String label, CategoryAttribute.Datatype datatype, boolean required,
            List<String> allowedValues, String description) {

        static StoredAttribute of(CategoryAttribute attribute) {
            return new StoredAttribute(attribute.code(), attribute.label(), attribute.datatype(), attribute.required(),
                    attribute.allowedValues(), attribute.description());
        }

        CategoryAttribute toAttribute() {
            return new CategoryAttribute(code, label, datatype, required, allowedValues, description);
        }
    }
}
