package org.grassroots.gateway.headers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Security headers on every response the gateway sends, whoever wrote it: a service, the fallback,
 * a 401 from the token check or a 429 from a rate limit (which answer before Spring Security's own
 * header writer would run, so that one is switched off and this is the one place). The front door's
 * filter ({@code FrontDoorFilter}) adds them when the response is committed.
 * <ul>
 *   <li>{@code X-Content-Type-Options: nosniff}: browsers take JSON as JSON.</li>
 *   <li>{@code X-Frame-Options: DENY} and CSP {@code frame-ancestors 'none'}: no page may frame the API
 *       or the Swagger UI (click-jacking).</li>
 *   <li>{@code Referrer-Policy: no-referrer}: paths with case ids do not leak to other sites.</li>
 *   <li>{@code Strict-Transport-Security} when the request came over HTTPS.</li>
 *   <li>{@code Cache-Control: no-store} unless the service said otherwise: API answers hold personal
 *       and case data that no shared or browser cache should keep. The Swagger UI's static files
 *       are left cacheable.</li>
 * </ul>
 * Set only where absent, so a service's own stricter value stands.
 */
public final class SecurityHeaders {

    static final String HSTS = "max-age=31536000; includeSubDomains";

    /** What the response to this request gets, decided when the request comes in. */
    public static SecurityHeaders forRequest(ServerHttpRequest request) {
        boolean https = "https".equalsIgnoreCase(request.getURI().getScheme()) || request.getSslInfo() != null;
        boolean staticAsset = isStaticAsset(request.getPath().value());
        if (https) {
            return staticAsset ? HTTPS_STATIC : HTTPS;
        }
        return staticAsset ? PLAIN_STATIC : PLAIN;
    }

    private static final SecurityHeaders PLAIN = new SecurityHeaders(false, false);
    private static final SecurityHeaders PLAIN_STATIC = new SecurityHeaders(false, true);
    private static final SecurityHeaders HTTPS = new SecurityHeaders(true, false);
    private static final SecurityHeaders HTTPS_STATIC = new SecurityHeaders(true, true);

    private final boolean https;
    private final boolean staticAsset;

    private SecurityHeaders(boolean https, boolean staticAsset) {
        this.https = https;
        this.staticAsset = staticAsset;
    }

    /** Adds the headers that are absent from the response's. */
    public void addTo(HttpHeaders headers) {
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Content-Security-Policy", "frame-ancestors 'none'");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        if (https) {
            setIfAbsent(headers, "Strict-Transport-Security", HSTS);
        }
        if (!staticAsset) {
            setIfAbsent(headers, HttpHeaders.CACHE_CONTROL, "no-store");
        }
    }

    private static boolean isStaticAsset(String path) {
        return path.startsWith("/webjars/") || path.startsWith("/swagger-ui/");
    }

    private static void setIfAbsent(HttpHeaders headers, String name, String value) {
        if (!headers.containsHeader(name)) {
            headers.set(name, value);
        }
    }
}
