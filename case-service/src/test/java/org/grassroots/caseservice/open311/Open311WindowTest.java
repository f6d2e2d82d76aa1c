package org.grassroots.caseservice.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The search window of GET requests and servicerequestupdates: the specification's 90 days. */
class Open311WindowTest {

    static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    @Test
    void givenNeitherDate_whenTheWindowIsTaken_thenItIsTheLast90Days() {
        assertThat(Open311Service.window(null, null, NOW)).containsExactly(NOW.minus(Duration.ofDays(90)), NOW);
    }

    @Test
    void givenOnlyAStart_whenTheWindowIsTaken_thenItEnds90DaysLaterButNotAfterNow() {
        Instant longAgo = Instant.parse("2026-01-01T00:00:00Z");
        Instant lately = NOW.minus(Duration.ofDays(10));

        assertThat(Open311Service.window(longAgo, null, NOW)).containsExactly(longAgo, longAgo.plus(Duration.ofDays(90)));
        assertThat(Open311Service.window(lately, null, NOW)).containsExactly(lately, NOW);
    }

    @Test
    void givenOnlyAnEnd_whenTheWindowIsTaken_thenItStarts90DaysBefore() {
        Instant end = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(Open311Service.window(null, end, NOW)).containsExactly(end.minus(Duration.ofDays(90)), end);
    }

    @Test
    void givenBothDates_whenTheyAreExactly90DaysApart_thenTheyAreKept() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThat(Open311Service.window(start, start.plus(Duration.ofDays(90)), NOW))
                .containsExactly(start, start.plus(Duration.ofDays(90)));
    }

    @Test
    void givenBothDates_whenMoreThan90DaysApartOrReversed_thenTheyAreRefusedWith400() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");

        assertThatThrownBy(() -> Open311Service.window(start, start.plus(Duration.ofDays(90)).plusSeconds(1), NOW))
                .isInstanceOfSatisfying(Open311Exception.class, refused -> {
                    assertThat(refused.status()).isEqualTo(400);
                    assertThat(refused.descriptions()).containsExactly("start_date and end_date must not span more than 90 days");
                });
        assertThatThrownBy(() -> Open311Service.window(start, start.minusSeconds(1), NOW))
                .isInstanceOfSatisfying(Open311Exception.class, refused -> assertThat(refused.status()).isEqualTo(400));
    }
}
