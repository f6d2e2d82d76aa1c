package org.grassroots.platform.problem;

import java.util.List;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.correlation.CorrelationId;
import org.grassroots.platform.domain.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem details the one way: our type URI and title, the detail, the correlation id. */
public final class Problems {

    public static final String ERRORS = "errors";
    public static final String CORRELATION_ID = "correlationId";

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(type.status()), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        CorrelationId.current().ifPresent(id -> problem.setProperty(CORRELATION_ID, id));
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail, List<FieldError> errors) {
        ProblemDetail problem = of(type, detail);
        if (!errors.isEmpty()) {
            problem.setProperty(ERRORS, List.copyOf(errors));
        }
        return problem;
    }
}
