package org.grassroots.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves the browser front ends from the {@code web} module's jar, on the API's own origin (so the
 * pages call the API without CORS): the console at {@code /}, the phone pages at {@code /m/},
 * {@code /config.json} from the gateway's settings, and {@code index.html} of the right front end
 * for any client-side route (a bookmarked {@code /cases/42} or {@code /m/report?grid=...}).
 * <p>
 * Caching: the hashed files under {@code /assets/} never change, so browsers keep them for a year;
 * the pages and the configuration are revalidated on every load ({@code no-cache}), so a new build
 * is seen at once. The pages carry a Content-Security-Policy that allows only this origin's
 * scripts and the calls keycloak-js makes to Keycloak.
 */
@Component
public class WebFilesFilter implements WebFilter, Ordered {

    /** After Spring Security (-100) has let the request through, before anything routes it. */
    static final int ORDER = 0;

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(java.time.Duration.ofDays(365))
            .cachePublic().immutable();
    private static final CacheControl REVALIDATE = CacheControl.noCache();

    private static final DefaultResourceLoader RESOURCES = new DefaultResourceLoader(WebFilesFilter.class.getClassLoader());

    private final String folder;
    private final byte[] configJson;
    private final String pagePolicy;

    WebFilesFilter(WebProperties properties,
            @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuerUri) {
        // A plain folder name is on the classpath; file:/... serves a build folder as it changes.
        this.folder = properties.files().contains(":") ? properties.files() : "classpath:" + properties.files();
        WebConfig config = WebConfig.of(properties, issuerUri);
        // tileUrl is left out when not set: the pages then draw no tile layer.
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("keycloakUrl", config.keycloakUrl());
        answer.put("realm", config.realm());
        if (config.tileUrl() != null) {
            answer.put("tileUrl", config.tileUrl());
        }
        this.configJson = JsonMapper.builder().build().writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        this.pagePolicy = pagePolicy(config);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!WebPaths.isWebRead(exchange)) {
            return chain.filter(exchange);
        }
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        ServerHttpResponse response = exchange.getResponse();
        if (path.equals("/config.json")) {
            response.getHeaders().setCacheControl(REVALIDATE);
            return write(exchange, MediaType.APPLICATION_JSON, configJson);
        }
        if (path.contains("..") || path.contains("\\") || path.contains("//")) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return response.setComplete();
        }
        Resource file = fileFor(path);
        if (file == null) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return response.setComplete();
        }
        HttpHeaders headers = response.getHeaders();
        MediaType type = MediaTypeFactory.getMediaType(file).orElse(MediaType.APPLICATION_OCTET_STREAM);
        boolean page = MediaType.TEXT_HTML.isCompatibleWith(type);
        if (page) {
            type = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
            headers.set("Content-Security-Policy", pagePolicy);
        }
        headers.setCacheControl(WebPaths.isHashedAsset(path) && !page ? IMMUTABLE : REVALIDATE);
        headers.setContentType(type);
        try {
            headers.setContentLength(file.contentLength());
        } catch (java.io.IOException unreadable) {
            response.setStatusCode(HttpStatus.NOT_FOUND);
            return response.setComplete();
        }
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        return response.writeWith(DataBufferUtils.read(file, response.bufferFactory(), 16 * 1024));
    }

    /** The built file at this path; for a client-side route, its front end's index.html; else null. */
    private Resource fileFor(String path) {
        if (WebPaths.isClientRoute(path)) {
            return existing(WebPaths.isMobile(path) ? "m/index.html" : "index.html");
        }
        return existing(path.substring(1));
    }

    private Resource existing(String relative) {
        Resource resource = RESOURCES.getResource(folder + "/" + relative);
        return resource.isReadable() ? resource : null;
    }

    private static Mono<Void> write(ServerWebExchange exchange, MediaType type, byte[] body) {
        ServerHttpResponse response = exchange.getResponse();
        response.getHeaders().setContentType(type);
        response.getHeaders().setContentLength(body.length);
        if (HttpMethod.HEAD.equals(exchange.getRequest().getMethod())) {
            return response.setComplete();
        }
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /**
     * Scripts and styles from this origin only (Ant Design writes its styles into style elements,
     * hence 'unsafe-inline' for styles, never for scripts); keycloak-js talks to Keycloak (token
     * and logout calls, the login redirect) and may frame it; map tiles may come from the
     * configured tile server. No page may frame the console.
     */
    static String pagePolicy(WebConfig config) {
        String keycloak = config.keycloakOrigin();
        List<String> images = new ArrayList<>(List.of("'self'", "data:", "blob:"));
        if (config.tileOrigin() != null) {
            images.add(config.tileOrigin());
        }
        return String.join("; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src " + String.join(" ", images),
                "font-src 'self' data:",
                "connect-src 'self' " + keycloak,
                "frame-src " + keycloak,
                "form-action 'self' " + keycloak,
                "frame-ancestors 'none'",
                "base-uri 'self'",
                "object-src 'none'");
    }
}
