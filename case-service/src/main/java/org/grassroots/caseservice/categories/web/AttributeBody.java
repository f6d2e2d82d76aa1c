package org.grassroots.caseservice.categories.web;

import java.util.List;

import org.grassroots.caseservice.categories.CategoryAttribute;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An extra question of a category, Open311-style; {@code required} may be left out and then means optional. */
record AttributeBody(
        @NotBlank @Pattern(regexp = "[a-z][a-zA-Z0-9_]{0,63}", message = "must be a code such as poleNumber")
        String code,
        @NotBlank @Size(max = 100) String label,
        @NotNull CategoryAttribute.Datatype datatype,
        Boolean required,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> allowedValues,
        @Size(max = 500) String description) {

    CategoryAttribute toAttribute() {
        return new CategoryAttribute(code, label, datatype, Boolean.TRUE.equals(required), allowedValues, description);
    }

    static AttributeBody of(CategoryAttribute attribute) {
        return new AttributeBody(attribute.code(), attribute.label(), attribute.datatype(), attribute.required(),
                attribute.allowedValues(), attribute.description());
    }
}
