package org.grassroots.gateway.security;

import java.time.Duration;
import java.util.List;

import org.grassroots.contracts.RequestHeaders;
import org.grassroots.gateway.correlation.CorrelationId;
import org.grassroots.gateway.headers.CorsProperties;
import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.web.WebPaths;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * The gateway checks each token itself (signature, expiry, issuer, audience) before routing; the
 * services check it again. The JWT decoder comes from {@code spring.security.oauth2.resourceserver.jwt.*}
 * (an unsigned {@code alg: none} token never passes: only the realm's published keys verify). Open
 * without a token: the front ends' files (see {@link WebPaths}), the probes and metrics, and the API documentation (the Swagger UI, its
 * configuration and each service's OpenAPI description under {@code /api-docs/<service>}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String[] API_DOCUMENTATION = {
            "/swagger-ui.html", "/swagger-ui/**", "/webjars/swagger-ui/**", "/v3/api-docs/swagger-config",
            "/api-docs/*"};

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ProblemResponseWriter problems,
            CorsConfigurationSource corsOrigins) {
        ProblemAuthenticationEntryPoint unauthorized = new ProblemAuthenticationEntryPoint(problems);
        ProblemAccessDeniedHandler forbidden = new ProblemAccessDeniedHandler(problems);
        return http
                // Bearer tokens only: no cookies, no session, so no CSRF exposure and nothing to remember.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                // SecurityHeaders (the front door's filter) writes them on every response, including those answered before this chain.
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .cors(cors -> cors.configurationSource(corsOrigins))
                .authorizeExchange(exchanges -> exchanges
                        // First, though it was once last: the rules are tried in order until one matches,
                        // each a few reactive stages, and nearly every request is an API call. No rule
                        // below matches a path under /api (the front ends' files, the API docs at
                        // /api-docs/*, Open311 and the actuator all lie elsewhere), so every decision is
                        // the same as in the old order.
                        .pathMatchers("/api/**").authenticated()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll()
                        .pathMatchers(HttpMethod.GET, API_DOCUMENTATION).permitAll()
                        // The console and phone pages, their files and /config.json: they sign in themselves.
                        .matchers(WebPaths.READ_WEB_FILES).permitAll()
                        // Open311 GeoReport v2: read by anyone; a POST carries an API key that case-service checks.
                        .pathMatchers("/open311/v2/**").permitAll()
                        // Anything else (other actuator endpoints, the fallback handlers) is not for callers.
                        .anyExchange().denyAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(new BearerHeaderConverter())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRolesAsAuthorities()))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .build();
    }

    /**
     * The default firewall, with the same checks of header names and values made by {@link RequestHeaders}
     * instead of regular expressions.
     */
    @Bean
    static ServerWebExchangeFirewall headerCheckingFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowedHeaderNames(RequestHeaders::isAllowedName);
        firewall.setAllowedHeaderValues(RequestHeaders::isAllowedValue);
        return firewall;
    }

    /**
     * With Spring Security's observations off ({@code management.observations.enable.spring.security:
     * false} in application.yml), its chain is not wrapped for them either. The property alone only
     * makes each observation a no-op: every request still had each of its filters wrapped, and its
     * authentication and authorization passed through an observing manager.
     */
    @Bean
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Spring Boot's decoder (issuer, key set, audience) is wrapped so that each distinct token is
     * verified once: {@link VerifiedTokens}. {@code grassroots.security.verified-tokens} bounds how
     * many are remembered (0: none).
     */
    @Bean
    static BeanPostProcessor verifyEachTokenOnce(Environment environment) {
        long maximum = environment.getProperty("grassroots.security.verified-tokens", Long.class, 10_000L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (maximum > 0 && bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, maximum);
                }
                return bean;
            }
        };
    }

    /**
     * Browsers on the configured web origins may call the API with a bearer token (no cookies, so no
     * credentials mode) and read the correlation id, Location and Retry-After of the answer.
     */
    @Bean
    CorsConfigurationSource corsOrigins(CorsProperties cors) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(cors.allowedOrigins());
        configuration.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
                HttpHeaders.ACCEPT, HttpHeaders.IF_MATCH, CorrelationId.HEADER));
        configuration.setExposedHeaders(List.of(CorrelationId.HEADER, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }

    /**
     * The token's realm roles as authorities. The conversion is remembered per verified token: {@link
     * VerifiedTokens} hands out the same {@link Jwt} for the same token until it expires, so each
     * distinct token is converted once rather than on every request (the authentication built depends
     * on the token alone and nothing changes it afterwards). Keys are held weakly, by identity.
     */
    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> realmRolesAsAuthorities() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(new RealmRoleAuthoritiesConverter());
        Cache<Jwt, AbstractAuthenticationToken> converted = Caffeine.newBuilder()
                .weakKeys()
                .maximumSize(10_000)
                .build();
        return jwt -> Mono.just(converted.get(jwt, converter::convert));
    }
}
