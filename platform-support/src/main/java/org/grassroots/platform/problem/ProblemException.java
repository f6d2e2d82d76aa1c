package org.grassroots.platform.problem;

import java.util.List;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.domain.FieldError;

/**
 * An error at the edge of a service that knows its problem type (a service it depends on is down);
 * the advice turns it into problem details. The domain throws {@link org.grassroots.platform.domain.DomainException}s instead.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ProblemException(ProblemType type, String detail, List<FieldError> errors) {
        super(detail);
        this.type = type;
        this.errors = List.copyOf(errors);
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
