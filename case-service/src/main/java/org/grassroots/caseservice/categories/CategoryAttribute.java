package org.grassroots.caseservice.categories;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.grassroots.platform.domain.FieldError;

/**
 * An extra question a report of the category must or may answer, in the manner of Open311's
 * service attributes: "which pole number?", "is the water still flowing?".
 *
 * @param code          how the answer is keyed in a report ({@code answers.poleNumber}), e.g. {@code poleNumber}
 * @param label         the question as residents read it, e.g. 路灯杆编号
 * @param datatype      what kind of answer it takes
 * @param required      whether a report must answer it
 * @param allowedValues the choices, for {@link Datatype#SINGLE_VALUE} and {@link Datatype#MULTI_VALUE} only
 * @param description   a hint shown beside the question, optional
 */
public record CategoryAttribute(String code, String label, Datatype datatype, boolean required,
        List<String> allowedValues, String description) {

    public static final Pattern CODE = Pattern.compile("[a-z][a-zA-Z0-9_]{0,63}");
    static final int MAX_TEXT_ANSWER = 1000;
    static final int MAX_ALLOWED_VALUES = 50;

    /** Open311's datatypes, named as a Java reader expects. */
    public enum Datatype {
        STRING,
        NUMBER,
        BOOLEAN,
        /** An ISO-8601 date and time; without an offset it is taken as China Standard Time. */
        DATETIME,
        /** Exactly one of the allowed values. */
        SINGLE_VALUE,
        /** Any number of the allowed values, each at most once. */
        MULTI_VALUE;

        boolean hasChoices() {
            return this == SINGLE_VALUE || this == MULTI_VALUE;
        }
    }

    public CategoryAttribute {
        // Kept as given (nulls too) so that violations() can name what is wrong.
        allowedValues = allowedValues == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(allowedValues));
        description = description == null || description.isBlank() ? null : description.strip();
    }

    /** The rules an attribute must keep, reported under {@code field}, e.g. {@code attributes[2]}. */
    List<FieldError> violations(String field) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            errors.add(new FieldError(field + ".code", "must be a code such as poleNumber: a small letter, then letters, digits or _"));
        }
        if (label == null || label.isBlank()) {
            errors.add(new FieldError(field + ".label", "is required"));
        }
        if (datatype == null) {
            errors.add(new FieldError(field + ".datatype", "is required"));
        } else if (datatype.hasChoices()) {
            choiceViolations(field + ".allowedValues").ifPresent(reason ->
                    errors.add(new FieldError(field + ".allowedValues", reason)));
        } else if (!allowedValues.isEmpty()) {
            errors.add(new FieldError(field + ".allowedValues", "are only for SINGLE_VALUE and MULTI_VALUE questions"));
        }
        return errors;
    }

    private Optional<String> choiceViolations(String field) {
        if (allowedValues.isEmpty()) {
            return Optional.of("must list the choices of a " + datatype + " question");
        }
        if (allowedValues.size() > MAX_ALLOWED_VALUES) {
            return Optional.of("must not list more than " + MAX_ALLOWED_VALUES + " choices");
        }
        if (allowedValues.stream().anyMatch(value -> value == null || value.isBlank())) {
            return Optional.of("must not contain blank choices");
        }
        if (new HashSet<>(allowedValues).size() != allowedValues.size()) {
            return Optional.of("must not list a choice twice");
        }
        return Optional.empty();
    }

    /** Why {@code answer} does not answer this question, or empty if it does; {@code null} means unanswered. */
    Optional<String> problemWith(Object answer) {
        if (isUnanswered(answer)) {
            return required ? Optional.of("is required") : Optional.empty();
        }
        boolean fits = switch (datatype) {
            case STRING -> answer instanceof String text && text.length() <= MAX_TEXT_ANSWER;
            case NUMBER -> answer instanceof Number || answer instanceof String text && isNumber(text);
            case BOOLEAN -> answer instanceof Boolean
                    || answer instanceof String text && ("true".equals(text) || "false".equals(text));
            case DATETIME -> answer instanceof String text && isDateTime(text);
            case SINGLE_VALUE -> answer instanceof String text && allowedValues.contains(text);
            case MULTI_VALUE -> answer instanceof Collection<?> values && areDistinctChoices(values);
        };
        return fits ? Optional.empty() : Optional.of(expectation());
    }

    private String expectation() {
        return switch (datatype) {
            case STRING -> "must be text of at most " + MAX_TEXT_ANSWER + " characters";
            case NUMBER -> "must be a number";
            case BOOLEAN -> "must be true or false";
            case DATETIME -> "must be an ISO-8601 date and time, e.g. 2026-11-21T09:30:00+08:00";
            case SINGLE_VALUE -> "must be one of " + allowedValues;
            case MULTI_VALUE -> "must be a list of distinct values from " + allowedValues;
        };
    }

    private static boolean isUnanswered(Object answer) {
        return answer == null
                || answer instanceof String text && text.isBlank()
                || answer instanceof Collection<?> values && values.isEmpty();
    }

    private boolean areDistinctChoices(Collection<?> values) {
        Set<Object> seen = new HashSet<>();
        return values.stream().allMatch(value -> value instanceof String && allowedValues.contains(value) && seen.add(value));
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isDateTime(String text) {
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException withoutOffset) {
            try {
                LocalDateTime.parse(text);
                return true;
            } catch (DateTimeParseException e) {
                return false;
            }
        }
    }
}
