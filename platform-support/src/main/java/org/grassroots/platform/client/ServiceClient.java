package org.grassroots.platform.client;

import java.net.http.HttpClient;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

/**
 * One service calling another, guarded the one way: a time limit on the whole call, a retry of
 * reads (safe to repeat) against quick failures, and a circuit breaker named after the service that
 * stops asking a service that keeps failing. The caller's own token is relayed, so the other service
 * decides what the caller may see.
 *
 * <p>Answers stay apart: 2xx is the body; 404 is "not there, or not the caller's to see" (empty);
 * 401, 403, 429 and any other 4xx are the other service's answer and become a
 * {@link ServiceCallException} of that kind without counting against the circuit; a 5xx, no
 * answer in time, a refused connection or an open circuit are failures and become an unavailable one.
 */
public final class ServiceClient {

    private final String service;
    private final RestClient http;
    private final CircuitBreaker breaker;
    private final Retry retry;

    public ServiceClient(String service, ServiceClientSettings settings, Resilience4JCircuitBreakerFactory breakers) {
        this.service = service;
        // The time limiter bounds the whole call; the HTTP time-outs only free the connection after it.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.timeout()).build());
        requests.setReadTimeout(settings.timeout().plusSeconds(1));
        this.http = RestClient.builder().baseUrl(settings.url().toString()).requestFactory(requests).build();
        TimeLimiterConfig timeLimit = TimeLimiterConfig.custom()
                .timeoutDuration(settings.timeout().multipliedBy(settings.readAttempts())
                        .plus(settings.retryWait().multipliedBy(settings.readAttempts() - 1L)))
                .build();
        // Spring Cloud's factory takes a breaker's time limit from its registry by name, not from the
        // configuration below (which would leave the registry's default of one second in force).
        breakers.getTimeLimiterRegistry().addConfiguration(service, timeLimit);
        breakers.configure(builder -> builder
                .timeLimiterConfig(timeLimit)
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(settings.window())
                        .minimumNumberOfCalls(Math.max(1, settings.window() / 2))
                        .failureRateThreshold(50)
                        .permittedNumberOfCallsInHalfOpenState(1)
                        .waitDurationInOpenState(settings.openFor())
                        .build()), service);
        this.breaker = breakers.create(service);
        this.retry = Retry.of(service, RetryConfig.custom()
                .maxAttempts(settings.readAttempts())
                .waitDuration(settings.retryWait())
                .build());
    }

    /** The circuit breaker's name, as Resilience4j's registry and the actuator show it. */
    public String service() {
        return service;
    }

    /**
     * GETs {@code path} (a URI template filled with {@code variables}) with the caller's token.
     *
     * @return the body, or empty when the service answers 404
     * @throws ServiceCallException for any other answer that is not 2xx, or when the service is unavailable
     */
    public <T> Optional<T> read(String bearerToken, Class<T> type, String path, Object... variables) {
        Answer<T> answer = breaker.run(() -> retry.executeSupplier(() -> get(bearerToken, type, path, variables)),
                failure -> {
                    throw failure instanceof ServiceCallException known ? known
                            : ServiceCallException.unavailable(service, reason(failure));
                });
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (answer.status() >= 200 && answer.status() < 300) {
            return Optional.ofNullable(answer.body());
        }
        throw ServiceCallException.answered(service, answer.status());
    }

    private <T> Answer<T> get(String bearerToken, Class<T> type, String path, Object... variables) {
        return http.get().uri(path, variables)
                .headers(headers -> {
                    if (bearerToken != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken);
                    }
                })
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.is2xxSuccessful()) {
                        return new Answer<>(status.value(), response.bodyTo(type));
                    }
                    if (status.is4xxClientError()) {
                        // An answer, which a second try would not change, and no sign of a failing service.
                        return new Answer<T>(status.value(), null);
                    }
                    throw ServiceCallException.answered(service, status.value());
                });
    }

    private String reason(Throwable failure) {
        if (failure instanceof CallNotPermittedException) {
            return service + " is not being asked for a while (circuit open) after repeated failures";
        }
        if (failure instanceof TimeoutException) {
            return service + " did not answer in time";
        }
        return service + " is unavailable";
    }

    private record Answer<T>(int status, T body) {
    }
}
