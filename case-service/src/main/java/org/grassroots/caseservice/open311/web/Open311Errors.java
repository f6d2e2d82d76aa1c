package org.grassroots.caseservice.open311.web;

import java.util.List;

import org.grassroots.caseservice.open311.Open311Exception;
import org.grassroots.platform.domain.ForbiddenException;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.domain.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Errors of the Open311 endpoints in the specification's form, not as the platform's problem
 * details: a list of {@code {code, description}} in the format the path asked for (XML when it
 * names none), with the status as each error's code: 400 for bad input, 403 for a missing or wrong
 * API key, 404 for what does not exist, 503 when an API key cannot be checked.
 */
@RestControllerAdvice(assignableTypes = Open311Controller.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class Open311Errors {

    private static final Logger log = LoggerFactory.getLogger(Open311Errors.class);

    @ExceptionHandler(Open311Exception.class)
    ResponseEntity<String> refused(Open311Exception refused, HttpServletRequest request) {
        return answer(refused.status(), refused.descriptions(), request);
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<String> invalid(InvalidFieldException invalid, HttpServletRequest request) {
        return answer(400, invalid.errors().stream().map(error -> error.field() + " " + error.reason()).toList(), request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException missing, HttpServletRequest request) {
        return answer(404, List.of(missing.getMessage()), request);
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<String> forbidden(ForbiddenException forbidden, HttpServletRequest request) {
        return answer(403, List.of(forbidden.getMessage()), request);
    }

    @ExceptionHandler(InvalidStateException.class)
    ResponseEntity<String> conflict(InvalidStateException conflict, HttpServletRequest request) {
        return answer(409, List.of(conflict.getMessage()), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<String> failed(Exception failure, HttpServletRequest request) {
        log.error("Open311: {} {} failed", request.getMethod(), request.getRequestURI(), failure);
        return answer(500, List.of("The request could not be handled; try again later"), request);
    }

    static ResponseEntity<String> answer(int status, List<String> descriptions, HttpServletRequest request) {
        Open311Format format = Open311Format.ofPath(request.getRequestURI());
        return ResponseEntity.status(status).contentType(format.mediaType())
                .body(new Open311Documents(java.time.ZoneOffset.UTC).write(Open311Documents.errors(status, descriptions), format));
    }
}
