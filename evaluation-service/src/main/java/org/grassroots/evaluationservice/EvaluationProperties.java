package org.grassroots.evaluationservice;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What evaluation-service lets a deployment set ({@code grassroots.evaluation.*} in application.yml).
 *
 * @param zone               the zone whose calendar periods statistics count in (Asia/Shanghai)
 * @param ratings            the rating window
 * @param caseService        where case-service answers and how long to wait for it
 * @param rectification      the rule seeded when no rectification rule exists yet
 * @param propertyCompanies  which cases count as complaints about a property company, and the red/black list size
 */
@ConfigurationProperties("grassroots.evaluation")
public record EvaluationProperties(
        ZoneId zone,
        Ratings ratings,
        CaseService caseService,
        Rectification rectification,
        PropertyCompanies propertyCompanies) {

    public EvaluationProperties {
        zone = zone != null ? zone : ZoneId.of("Asia/Shanghai");
        ratings = ratings != null ? ratings : new Ratings(null);
        caseService = caseService != null ? caseService : new CaseService(null, null, null, null);
        rectification = rectification != null ? rectification : new Rectification(null, null);
        propertyCompanies = propertyCompanies != null ? propertyCompanies : new PropertyCompanies(null, null);
    }

    /** @param window how long after closing a case its reporter may rate it (default 7 days) */
    public record Ratings(Duration window) {
        public Ratings {
            window = window != null ? window : Duration.ofDays(7);
        }
    }

    /**
     * @param url          case-service's base URL
     * @param timeout      per call
     * @param openFor      how long the circuit stays open
     * @param readAttempts how many times a read is tried against quick failures (default 2)
     */
    public record CaseService(URI url, Duration timeout, Duration openFor, Integer readAttempts) {
        public CaseService {
            url = url != null ? url : URI.create("http://localhost:8083");
            timeout = timeout != null ? timeout : Duration.ofSeconds(3);
            openFor = openFor != null ? openFor : Duration.ofSeconds(20);
            readAttempts = readAttempts != null ? readAttempts : 2;
        }
    }

    /** The default rule: satisfaction below {@code defaultThreshold} over a quarter with at least {@code defaultMinimumRatings}. */
    public record Rectification(BigDecimal defaultThreshold, Integer defaultMinimumRatings) {
        public Rectification {
            defaultThreshold = defaultThreshold != null ? defaultThreshold : new BigDecimal("0.60");
            defaultMinimumRatings = defaultMinimumRatings != null ? defaultMinimumRatings : 5;
        }
    }

    /** @param complaintCategories category codes of complaints about property services; @param listSize red and black list length */
    public record PropertyCompanies(List<String> complaintCategories, Integer listSize) {
        public PropertyCompanies {
            complaintCategories = complaintCategories != null ? List.copyOf(complaintCategories)
                    : List.of("PROPERTY_SERVICE", "ELEVATOR_FAILURE");
            listSize = listSize != null ? listSize : 3;
        }

        public Set<String> complaintCategorySet() {
            return Set.copyOf(complaintCategories);
        }
    }
}
