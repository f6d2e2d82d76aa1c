package org.grassroots.volunteerservice.wishes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.domain.FieldError;
import org.grassroots.platform.domain.InvalidFieldException;
import org.grassroots.platform.problem.ProblemException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * {@link CaseFiling} through case-service's {@code POST /api/cases/from-wish}, with a time limit. A
 * refusal from case-service (400 naming the field, 403) reaches the caller as it came; no answer is
 * 503, and the wish stays as it was, to be referred again.
 */
@Component
@EnableConfigurationProperties(CaseServiceProperties.class)
class CaseServiceCaseFiling implements CaseFiling {

    private final RestClient client;

    CaseServiceCaseFiling(CaseServiceProperties properties) {
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(properties.timeout());
        requests.setReadTimeout(properties.timeout());
        this.client = RestClient.builder().baseUrl(properties.url()).requestFactory(requests).build();
    }

    record FiledCase(String id) {
    }

    /** What case-service says when it refuses: its problem detail and the fields it names. */
    record Refusal(String detail, List<FieldError> errors) {
    }

    private static Refusal refusalOf(RestClientResponseException refused) {
        try {
            Refusal refusal = refused.getResponseBodyAs(Refusal.class);
            return refusal != null ? refusal : new Refusal(null, List.of());
        } catch (RuntimeException unreadable) {
            return new Refusal(null, List.of());
        }
    }

    @Override
    public String file(WishCase wishCase, String bearerToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("wishId", wishCase.wishId());
        body.put("categoryCode", wishCase.categoryCode());
        body.put("description", wishCase.description());
        body.put("point", Map.of("lon", wishCase.lon(), "lat", wishCase.lat()));
        body.put("locationDescription", wishCase.locationDescription());
        body.put("answers", wishCase.answers() == null ? Map.of() : wishCase.answers());
        try {
            FiledCase filed = client.post().uri("/api/cases/from-wish")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                    .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(FiledCase.class);
            if (filed == null || filed.id() == null) {
                throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE, "case-service answered without a case");
            }
            return filed.id();
        } catch (RestClientResponseException refused) {
            if (refused.getStatusCode().is4xxClientError()) {
                Refusal refusal = refusalOf(refused);
                if (refused.getStatusCode().value() == 400 && refusal.errors() != null && !refusal.errors().isEmpty()) {
                    throw new InvalidFieldException(refusal.errors());
                }
                throw new ProblemException(ProblemType.forStatus(refused.getStatusCode().value()),
                        "case-service refused the case: " + (refusal.detail() == null ? "" : refusal.detail()));
            }
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "case-service cannot file the case now; the wish stays as it was, try again shortly");
        } catch (RestClientException unavailable) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "case-service cannot file the case now; the wish stays as it was, try again shortly");
        }
    }
}
