package org.grassroots.platform.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.correlation.CorrelationId;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 answered by the security filters, before any controller runs, in the same
 * problem-details shape as every other error. A token that could not be checked because the
 * sign-in service's keys could not be read (Keycloak slow or down) is not the caller's fault:
 * 503 with {@code Retry-After}, where Spring Security would let it become a 500.
 */
final class ProblemAuthenticationHandlers implements AuthenticationEntryPoint, AccessDeniedHandler,
        AuthenticationFailureHandler {

    static final String RETRY_AFTER_SECONDS = "5";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"grassroots\"");
        write(request, response, ProblemType.UNAUTHORIZED, request.getHeader("Authorization") == null
                ? "This needs a bearer token"
                : "The bearer token is invalid, expired or not issued for Grassroots");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException ex) throws IOException {
        if (ex instanceof AuthenticationServiceException) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            write(request, response, ProblemType.SERVICE_UNAVAILABLE,
                    "The bearer token cannot be checked right now (the sign-in service's keys cannot be read); try again shortly");
            return;
        }
        commence(request, response, ex);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
            throws IOException {
        write(request, response, ProblemType.FORBIDDEN, "Your role does not allow this");
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, ProblemType type,
            String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.uri().toString());
        body.put("title", type.title());
        body.put("status", type.status());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        CorrelationId.current().ifPresent(id -> body.put("correlationId", id));
        response.setStatus(type.status());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JSON.writeValue(response.getOutputStream(), body);
    }
}
