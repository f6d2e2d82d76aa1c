package org.grassroots.gateway.headers;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Browser front ends allowed to call the API from another origin ({@code grassroots.gateway.cors.*}).
 *
 * @param allowedOrigins exact origins such as {@code https://grassroots.qjp.gov.cn}; no wildcards, since
 *                       any site could otherwise drive a signed-in user's browser against the API
 */
@ConfigurationProperties("grassroots.gateway.cors")
public record CorsProperties(List<String> allowedOrigins) {

    public CorsProperties {
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    }
}
