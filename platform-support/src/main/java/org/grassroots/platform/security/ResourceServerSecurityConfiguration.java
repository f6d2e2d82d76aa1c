package org.grassroots.platform.security;

import java.util.List;

import org.grassroots.contracts.RequestHeaders;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server that checks Keycloak's tokens itself (issuer,
 * signature, expiry and audience), whatever the gateway already did. The audience is
 * {@code grassroots.security.audience} (default {@code grassroots}, set by the realm's client scope
 * {@code grassroots-claims}), applied through Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.audiences} in the platform defaults. Unsigned
 * ({@code alg: none}) tokens never pass: the decoder accepts only the realm's published keys. Only health, metrics and the API
 * description are open; everything else needs a token, and finer rules are stated per endpoint
 * with {@code @PreAuthorize} or by asking the {@link Caller}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.SERVLET)
@EnableMethodSecurity
public class ResourceServerSecurityConfiguration {

    static final List<String> OPEN_PATHS = List.of(
            "/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs", "/v3/api-docs/**", "/error");

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain grassrootsResourceServer(HttpSecurity http) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, OPEN_PATHS.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakJwtAuthenticationConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <F extends BearerTokenAuthenticationFilter> F postProcess(F filter) {
                                filter.setAuthenticationFailureHandler(problems);
                                return filter;
                            }
                        }))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * The default firewall, with the same checks of header names and values made by {@link RequestHeaders}
     * instead of regular expressions.
     */
    @Bean
    @ConditionalOnMissingBean(HttpFirewall.class)
    static HttpFirewall headerCheckingFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(RequestHeaders::isAllowedName);
        firewall.setAllowedHeaderValues(RequestHeaders::isAllowedValue);
        return firewall;
    }

    /**
     * With Spring Security's observations off ({@code management.observations.enable.spring.security=false},
     * the platform default), its chain is not wrapped for them either. The property alone only
     * makes each observation a no-op: every request still had each of its filters wrapped, and its
     * authentication and authorization passed through an observing manager. A service may declare
     * its own settings instead (Spring Security reads only a unique one).
     */
    @Bean
    @ConditionalOnMissingBean(SecurityObservationSettings.class)
    @ConditionalOnProperty(name = "management.observations.enable.spring.security", havingValue = "false")
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Whatever JWT decoder the application has (Spring Boot's from the issuer and key set, or a
     * test's) is wrapped so that each distinct token is verified once: {@link VerifiedTokens}.
     * {@code grassroots.security.verified-tokens} bounds how many are remembered (0: none).
     */
    @Bean
    static BeanPostProcessor verifyEachTokenOnce(Environment environment) {
        long maximum = environment.getProperty("grassroots.security.verified-tokens", Long.class, 10_000L);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (maximum > 0 && bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    return new VerifiedTokens(decoder, maximum);
                }
                return bean;
            }
        };
    }

    @Bean
    WebMvcConfigurer callerArgumentResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new CallerArgumentResolver());
            }
        };
    }
}
