package org.grassroots.platform.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of a request's {@code Authorization} header, accepted and refused exactly as
 * Spring Security's default resolver does (RFC 6750: {@code Bearer} in any letter case, one space,
 * then one or more of {@code A-Z a-z 0-9 - . _ ~ + /}, then only {@code =} padding), but read with
 * a loop instead of its regular expression. That expression ran over every character of a token of
 * about 1,300 on every request: 2.7 % of case-service's CPU under intake (docs/benchmarks.md, round
 * 25). A header that does not begin with "bearer" carries no token (the request is anonymous);
 * one that does but is malformed is refused as {@code invalid_token}. Tokens in a query or form
 * parameter are not read, as by the default.
 */
final class BearerHeader implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length() - 1)) {
            return null;
        }
        String token = tokenOf(authorization);
        if (token == null) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return token;
    }

    /** The token of a header beginning with "bearer" in any case; null unless the whole header is well formed. */
    static String tokenOf(String authorization) {
        int start = SCHEME.length();
        if (authorization.length() <= start || authorization.charAt(start - 1) != ' ') {
            return null;
        }
        int padding = authorization.length();
        while (padding > start && authorization.charAt(padding - 1) == '=') {
            padding--;
        }
        if (padding == start) {
            return null;
        }
        for (int i = start; i < padding; i++) {
            if (!isTokenCharacter(authorization.charAt(i))) {
                return null;
            }
        }
        return authorization.substring(start);
    }

    private static boolean isTokenCharacter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }
}
