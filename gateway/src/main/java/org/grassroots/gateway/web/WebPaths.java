package org.grassroots.gateway.web;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Which requests are for the browser front ends (the console at {@code /}, the phone pages at
 * {@code /m/}) rather than for the API. Everything that is not one of the platform's own prefixes
 * belongs to the front ends: the built files, {@code /config.json}, and the client-side routes
 * that fall back to an {@code index.html}. The API, Open311, the actuator and the API
 * documentation never do, so a mistyped API path still answers as the API would (401/404 as
 * problem details), not with a page.
 */
public final class WebPaths {

    private static final List<String> RESERVED = List.of(
            "/api", "/api-docs", "/open311", "/actuator", "/swagger-ui", "/swagger-ui.html", "/webjars", "/v3",
            "/fallback");

    /** Reading front-end files needs no token: the pages sign in themselves. */
    public static final ServerWebExchangeMatcher READ_WEB_FILES = exchange -> isWebRead(exchange)
            ? ServerWebExchangeMatcher.MatchResult.match()
            : ServerWebExchangeMatcher.MatchResult.notMatch();

    private WebPaths() {
    }

    static boolean isWebRead(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && isWebPath(exchange.getRequest().getPath().pathWithinApplication().value());
    }

    static boolean isWebPath(String path) {
        for (String prefix : RESERVED) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return false;
            }
        }
        return true;
    }

    /** The phone pages own /m and everything under /m/. */
    static boolean isMobile(String path) {
        return path.equals("/m") || path.startsWith("/m/");
    }

    /** A client-side route has no file extension in its last segment (/cases/42, /m/report). */
    static boolean isClientRoute(String path) {
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }

    /** Hashed build output: its name changes whenever its content does. */
    static boolean isHashedAsset(String path) {
        return path.startsWith("/assets/");
    }
}
