package org.grassroots.caseservice.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.grassroots.caseservice.sla.Shanghai.at;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Adding and measuring working time agree, checked over many random starts and durations across
 * 2026 with its holidays and make-up days. The seed is fixed so a failure can be replayed.
 */
class WorkingCalendarPropertyTest {

    static final WorkingCalendar CHINA_2026 = ChinaCalendar2026.calendar();
    static final Instant FIRST = at("2025-12-20T00:00");
    static final long YEAR_IN_SECONDS = Duration.ofDays(375).toSeconds();
    static final int RUNS = 2_000;

    @Test
    void givenRandomStartsAndDurations_whenAddedThenMeasured_thenTheMeasureIsTheDurationAdded() {
        Random random = new Random(20260101L);
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            Duration workingTime = Duration.ofSeconds(1 + random.nextInt((int) Duration.ofHours(200).toSeconds()));

            Instant end = CHINA_2026.plusWorkingTime(start, workingTime);

            assertThat(CHINA_2026.workingTimeBetween(start, end))
                    .as("working time between %s and %s", start, end)
                    .isEqualTo(workingTime);
        }
    }

    @Test
    void givenRandomStretches_whenTheirWorkingTimeIsAddedToTheStart_thenTheResultIsNoLaterThanTheEndAndNoWorkIsLeftBetween() {
        Random random = new Random(20261001L);
        for (int i = 0; i < RUNS; i++) {
            Instant from = randomInstant(random);
            Instant to = from.plusSeconds(random.nextInt((int) Duration.ofDays(40).toSeconds()));

            Instant reached = CHINA_2026.plusWorkingTime(from, CHINA_2026.workingTimeBetween(from, to));

            assertThat(reached).as("from %s to %s", from, to).isBeforeOrEqualTo(to);
            assertThat(CHINA_2026.workingTimeBetween(reached, to)).as("from %s to %s", from, to).isZero();
        }
    }

    @Test
    void givenRandomStarts_whenAddingWholeWorkingDays_thenEachDayIsOneWorkingDayOfWorkingTime() {
        Random random = new Random(20260214L);
        for (int i = 0; i < RUNS; i++) {
            Instant start = randomInstant(random);
            int days = 1 + random.nextInt(20);

            Instant deadline = CHINA_2026.plusWorkingDays(start, days);

            assertThat(CHINA_2026.workingTimeBetween(start, deadline))
                    .as("%d working days from %s", days, start)
                    .isEqualTo(CHINA_2026.workingDayLength().multipliedBy(days));
        }
    }

    private static Instant randomInstant(Random random) {
        return FIRST.plusSeconds((long) (random.nextDouble() * YEAR_IN_SECONDS));
    }
}
