package org.grassroots.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.grassroots.contracts.RequestHeaders;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of a request's {@code Authorization} header, accepted and refused exactly as
 * Spring Security's default resolver does, but read by {@link RequestHeaders} instead of a regular
 * expression. A header that does not name the bearer scheme carries no token (the request is
 * anonymous); one that does but is malformed is refused as {@code invalid_token}. Tokens in a query
 * or form parameter are not read, as by the default.
 */
final class BearerHeader implements BearerTokenResolver {

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (!RequestHeaders.isBearer(authorization)) {
            return null;
        }
        String token = RequestHeaders.bearerToken(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }
}
