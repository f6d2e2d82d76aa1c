package org.grassroots.platform.problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.domain.AlreadyExistsException;
import org.grassroots.platform.domain.DomainException;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.grassroots.platform.domain.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.validation.ConstraintViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every error a service raises into RFC 9457 problem details: our type URI, a title, a
 * detail a person can act on, the invalid fields where there are any, and the correlation id.
 * Nothing internal (stack traces, class names, queries) reaches the body.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> onProblem(ProblemException ex) {
        return respond(Problems.of(ex.type(), ex.getMessage(), ex.errors()));
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> onDomainRefusal(DomainException ex) {
        List<FieldError> errors = ex instanceof InvalidFieldException invalid ? invalid.errors() : List.of();
        return respond(Problems.of(typeOf(ex), ex.getMessage(), errors));
    }

    /** The one place that says which problem type each of the domain's refusals is. */
    static ProblemType typeOf(DomainException ex) {
        if (ex instanceof NotFoundException) {
            return ProblemType.NOT_FOUND;
        }
        if (ex instanceof InvalidStateException) {
            return ProblemType.INVALID_STATE;
        }
        if (ex instanceof InvalidFieldException) {
            return ProblemType.VALIDATION;
        }
        if (ex instanceof AlreadyExistsException) {
            return ProblemType.ALREADY_EXISTS;
        }
        if (ex instanceof VersionConflictException) {
            return ProblemType.VERSION_CONFLICT;
        }
        if (ex instanceof ForbiddenException) {
            return ProblemType.FORBIDDEN;
        }
        throw new IllegalStateException("No problem type for " + ex.getClass().getName());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> onOptimisticLock(OptimisticLockingFailureException ex) {
        return respond(Problems.of(ProblemType.VERSION_CONFLICT, "Changed by someone else meanwhile; reload and try again"));
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> onDuplicateKey(DuplicateKeyException ex) {
        return respond(Problems.of(ProblemType.ALREADY_EXISTS, "A record with the same identity already exists"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> onConstraintViolation(ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(Problems.of(ProblemType.VALIDATION, describe(errors), errors));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> onAccessDenied(AccessDeniedException ex) {
        return respond(Problems.of(ProblemType.FORBIDDEN, "Your role does not allow this"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> onAuthentication(AuthenticationException ex) {
        return respond(Problems.of(ProblemType.UNAUTHORIZED, "A valid bearer token is required"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onAnythingElse(Exception ex) {
        log.error("Unhandled error", ex);
        return respond(Problems.of(ProblemType.INTERNAL,
                "Something went wrong on our side; quote the correlation id when you report it"));
    }

    /** Spring's own exceptions (bad JSON, wrong media type, unknown path…) all pass through here. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemDetail problem = translate(ex, statusCode);
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private ProblemDetail translate(Exception ex, HttpStatusCode statusCode) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            List<FieldError> errors = fieldErrors(invalid.getBindingResult());
            return Problems.of(ProblemType.VALIDATION, describe(errors), errors);
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            List<FieldError> errors = new ArrayList<>();
            invalid.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error ->
                    errors.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
            return Problems.of(ProblemType.VALIDATION, describe(errors), errors);
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            List<FieldError> errors = List.of(new FieldError(missing.getParameterName(), "is required"));
            return Problems.of(ProblemType.VALIDATION, describe(errors), errors);
        }
        if (ex instanceof TypeMismatchException mismatch) {
            String field = Optional.ofNullable(mismatch.getPropertyName()).orElse("parameter");
            List<FieldError> errors = List.of(new FieldError(field, expectation(mismatch.getRequiredType())));
            return Problems.of(ProblemType.VALIDATION, describe(errors), errors);
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return unreadable(unreadable);
        }
        if (ex instanceof HttpMediaTypeNotSupportedException unsupported) {
            return Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Send " + unsupported.getSupportedMediaTypes() + ", not " + unsupported.getContentType());
        }
        return Problems.of(typeFor(statusCode), ex instanceof org.springframework.web.ErrorResponse response
                && response.getBody().getDetail() != null ? response.getBody().getDetail() : ex.getMessage());
    }

    private static ProblemType typeFor(HttpStatusCode status) {
        return ProblemType.forStatus(status.value());
    }

    /** A syntax error names where it is; a value of the wrong type names the field. */
    private ProblemDetail unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            List<FieldError> errors = List.of(new FieldError(path(mismatch), mismatchReason(mismatch)));
            return Problems.of(ProblemType.VALIDATION, describe(errors), errors);
        }
        if (cause instanceof StreamReadException syntax && syntax.getLocation() != null) {
            return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is not valid JSON (line "
                    + syntax.getLocation().getLineNr() + ", column " + syntax.getLocation().getColumnNr() + ")");
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST, "The body is missing or is not valid JSON");
    }

    private static String path(JacksonException ex) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String mismatchReason(MismatchedInputException ex) {
        if (ex instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + List.of(format.getTargetType().getEnumConstants());
        }
        return expectation(ex.getTargetType());
    }

    private static String expectation(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            return "must be one of " + List.of(type.getEnumConstants());
        }
        if (type.getName().startsWith("java.time.")) {
            return "must be an ISO-8601 date or time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        if (type == String.class) {
            return "must be a string";
        }
        return "has the wrong type";
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), e.getDefaultMessage())));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), e.getDefaultMessage())));
        return errors;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String describe(List<FieldError> errors) {
        if (errors.size() == 1) {
            return errors.get(0).field() + ": " + errors.get(0).reason();
        }
        return errors.size() + " fields are invalid";
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
