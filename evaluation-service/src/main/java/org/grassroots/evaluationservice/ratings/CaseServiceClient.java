package org.grassroots.evaluationservice.ratings;

import java.net.http.HttpClient;
import java.util.Optional;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Asks case-service about a case with the caller's own token, so case-service decides what the
 * caller may see: a resident gets their own case, staff the cases of their area, anyone else 404.
 *
 * <p>The call runs inside the {@code case-service} circuit breaker. A 4xx answer is an answer (the
 * case is not visible to this caller) and does not count as a failure; a timeout, a refused
 * connection, a 5xx or an open circuit become {@link CaseServiceUnavailableException} (503).
 */
@Component
class CaseServiceClient {

    static final String BREAKER = "case-service";

    private final RestClient http;
    private final CircuitBreaker breaker;

    CaseServiceClient(EvaluationProperties properties, CircuitBreakerFactory<?, ?> breakers) {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.caseService().timeout()).build());
        requests.setReadTimeout(properties.caseService().timeout());
        this.http = RestClient.builder().baseUrl(properties.caseService().url().toString())
                .requestFactory(requests).build();
        this.breaker = breakers.create(BREAKER);
    }

    /** The case as the caller may see it, or empty when case-service says it is not theirs to see. */
    Optional<CaseView> find(String caseId, String bearerToken) {
        return breaker.run(() -> fetch(caseId, bearerToken), failure -> {
            throw new CaseServiceUnavailableException();
        });
    }

    private Optional<CaseView> fetch(String caseId, String bearerToken) {
        return http.get().uri("/api/cases/{id}", caseId)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .exchange((request, response) -> {
                    HttpStatusCode status = response.getStatusCode();
                    if (status.is2xxSuccessful()) {
                        return Optional.ofNullable(response.bodyTo(CaseView.class));
                    }
                    if (status.is4xxClientError()) {
                        return Optional.empty();
                    }
                    throw new IllegalStateException("case-service answered " + status.value());
                });
    }
}
