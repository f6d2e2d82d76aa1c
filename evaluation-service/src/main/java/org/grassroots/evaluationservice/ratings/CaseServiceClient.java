package org.grassroots.evaluationservice.ratings;

import java.util.Optional;

import org.grassroots.evaluationservice.EvaluationProperties;
import org.grassroots.platform.client.ServiceCallException;
import org.grassroots.platform.client.ServiceClient;
import org.grassroots.platform.client.ServiceClientSettings;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks case-service about a case with the caller's own token, so case-service decides what the
 * caller may see: a resident gets their own case, staff the cases of their area, anyone else 404.
 *
 * <p>The call is platform-support's guarded {@link ServiceClient} ({@code case-service} circuit
 * breaker, time limit, one retry of the read). A 404 is "not this caller's case"; a 401, 403 or 429
 * from case-service reaches the caller as such; unavailable becomes
 * {@link CaseServiceUnavailableException} (503, nothing stored).
 */
@Component
class CaseServiceClient {

    static final String BREAKER = "case-service";

    private final ServiceClient cases;

    CaseServiceClient(EvaluationProperties properties, Resilience4JCircuitBreakerFactory breakers) {
        EvaluationProperties.CaseService settings = properties.caseService();
        this.cases = new ServiceClient(BREAKER, new ServiceClientSettings(settings.url(), settings.timeout(),
                settings.readAttempts(), null, settings.openFor(), 10), breakers);
    }

    /** The case as the caller may see it, or empty when case-service says it is not theirs to see. */
    Optional<CaseView> find(String caseId, String bearerToken) {
        try {
            return cases.read(bearerToken, CaseView.class, "/api/cases/{id}", caseId);
        } catch (ServiceCallException failure) {
            if (failure.isUnavailable()) {
                throw new CaseServiceUnavailableException();
            }
            throw failure;
        }
    }
}
