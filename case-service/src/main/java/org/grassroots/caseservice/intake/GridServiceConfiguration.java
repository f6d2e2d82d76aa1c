package org.grassroots.caseservice.intake;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/** The guard around grid-service calls, from {@link GridServiceProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GridServiceProperties.class)
class GridServiceConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> gridServiceCircuit(GridServiceProperties properties) {
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(properties.failureRateThreshold())
                .slidingWindowSize(properties.slidingWindowSize())
                .minimumNumberOfCalls(properties.minimumNumberOfCalls())
                .waitDurationInOpenState(properties.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build();
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build();
        return factory -> factory.configure(builder -> builder.circuitBreakerConfig(breaker)
                .timeLimiterConfig(timeLimit), GridLocator.CIRCUIT);
    }
}
