package org.grassroots.caseservice.open311.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;

/**
 * Open311 has its own rules of access: anyone may read, and filing a request takes an
 * {@code api_key} in the form, checked by {@code ApiKeys}, not a bearer token. So its paths pass
 * outside the platform's resource-server filter chain, which would answer 401 to every call
 * without a token; every other path keeps that chain.
 */
@Configuration(proxyBeanMethods = false)
class Open311Security {

    @Bean
    WebSecurityCustomizer open311OutsideBearerTokens() {
        return web -> web.ignoring().requestMatchers(Open311Controller.BASE + "/**");
    }
}
