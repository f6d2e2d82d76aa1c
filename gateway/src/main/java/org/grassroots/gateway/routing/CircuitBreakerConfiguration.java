package org.grassroots.gateway.routing;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4jBulkheadProvider;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4jBulkheadConfigurationBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Applies {@link CircuitBreakerProperties} to the breakers (and the bulkheads in front of them) that
 * the routes' {@code CircuitBreaker} filters create. Without this they run on Resilience4j's
 * defaults: a one-second time limit and 25 calls in flight per service. Makes {@link OpenBreakers},
 * with which the front door turns away the requests of a route whose breaker is open.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> serviceCircuitBreakers(CircuitBreakerProperties settings) {
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout())
                .build();
        CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
                .failureRateThreshold(settings.failureRateThreshold())
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .waitDurationInOpenState(settings.waitInOpenState())
                // Half-open when the wait is over, without waiting for a call: while a breaker is open
                // the front door turns its route's requests away (OpenBreakers), so no call would come.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                // A full bulkhead is the gateway shedding load, not the service failing: counting it
                // would let one burst of traffic cut a healthy service off.
                .ignoreExceptions(BulkheadFullException.class)
                .build();
        TimeLimiterConfig photoUploadTimeLimit = TimeLimiterConfig.custom()
                .timeoutDuration(settings.photoUploadTimeout())
                .build();
        return factory -> {
            factory.configureDefault(service -> new Resilience4JConfigBuilder(service)
                    .timeLimiterConfig(timeLimit)
                    .circuitBreakerConfig(breaker)
                    .build());
            factory.configure(builder -> builder.timeLimiterConfig(photoUploadTimeLimit).circuitBreakerConfig(breaker),
                    CircuitBreakerProperties.PHOTO_UPLOADS);
        };
    }

    @Bean
    OpenBreakers openBreakers(ReactiveResilience4JCircuitBreakerFactory breakers, RouteLocator routes,
            GatewayProperties gateway, CircuitBreakerProperties settings, ProblemResponseWriter problems,
            MeterRegistry meters) {
        return new OpenBreakers(breakers.getCircuitBreakerRegistry(), routes, OpenBreakers.breakersOf(gateway),
                settings.waitInOpenState(), System::nanoTime, problems, meters);
    }

    @Bean
    Customizer<ReactiveResilience4jBulkheadProvider> serviceBulkheads(CircuitBreakerProperties settings) {
        BulkheadConfig bulkhead = BulkheadConfig.custom()
                .maxConcurrentCalls(settings.maxConcurrentCalls())
                // When full, answer at once through the fallback rather than queue callers.
                .maxWaitDuration(Duration.ZERO)
                .build();
        return provider -> provider.configureDefault(service -> new Resilience4jBulkheadConfigurationBuilder()
                .bulkheadConfig(bulkhead)
                .build());
    }
}
