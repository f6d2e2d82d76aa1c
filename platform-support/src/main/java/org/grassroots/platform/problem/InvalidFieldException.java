package org.grassroots.platform.problem;

import java.util.List;

/** A field that passed bean validation but breaks a domain rule (unknown category, point outside China…). */
public class InvalidFieldException extends ProblemException {

    public InvalidFieldException(String field, String reason) {
        this(List.of(new FieldError(field, reason)));
    }

    public InvalidFieldException(List<FieldError> errors) {
        super(ProblemType.VALIDATION, describe(errors), errors);
    }

    private static String describe(List<FieldError> errors) {
        return errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
    }
}
