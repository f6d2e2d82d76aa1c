package org.grassroots.evaluationservice.ratings;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * The {@code case-service} breaker: a call may take the configured timeout (plus a second for the
 * HTTP client to give up first); the circuit opens when half of the last 10 calls failed and
 * tries again after {@code open-for}.
 */
@Configuration(proxyBeanMethods = false)
class CaseServiceBreakerConfiguration {

    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> caseServiceBreaker(EvaluationProperties properties) {
        return factory -> factory.configure(builder -> builder
                .timeLimiterConfig(TimeLimiterConfig.custom()
                        .timeoutDuration(properties.caseService().timeout().plusSeconds(1)).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(10)
                        .minimumNumberOfCalls(5)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(properties.caseService().openFor())
                        .build()), CaseServiceClient.BREAKER);
    }
}
