package org.grassroots.caseservice.cases;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often parked cases (挂账) come up for review: every {@code every} from the day each was parked
 * ({@code grassroots.parked-review.every}, a month unless set).
 */
@ConfigurationProperties("grassroots.parked-review")
public record ParkedReviewProperties(Period every) {

    public ParkedReviewProperties {
        every = every == null || every.isZero() || every.isNegative() ? Period.ofMonths(1) : every;
    }
}
