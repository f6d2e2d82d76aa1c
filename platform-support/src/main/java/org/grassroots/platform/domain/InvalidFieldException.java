package org.grassroots.platform.domain;

import java.util.List;

/** A field that passed bean validation but breaks a domain rule (unknown category, point outside China…). */
public final class InvalidFieldException extends DomainException {

    private final List<FieldError> errors;

    public InvalidFieldException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public InvalidFieldException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
    }
}
