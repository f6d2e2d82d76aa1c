package org.grassroots.evaluationservice.casefacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.junit.jupiter.api.Test;

class CaseFactTest {

    static final Instant REPORTED = Instant.parse("2026-03-02T01:00:00Z");
    final CaseEventsFixture aCase = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");

    /** Reported, accepted, ran overdue, closed, reopened by a dissatisfied resident, closed again. */
    List<CaseEvent> history() {
        return List.of(
                aCase.reported(REPORTED),
                aCase.accepted(2, REPORTED.plusSeconds(600)),
                aCase.overdue(3, REPORTED.plus(Duration.ofDays(2)), "dept-urban"),
                aCase.closed(4, REPORTED, Duration.ofDays(3), false, "dept-urban"),
                aCase.reopened(5, REPORTED.plus(Duration.ofDays(4)), "dept-urban"),
                aCase.closed(6, REPORTED, Duration.ofDays(5), true, "dept-urban"));
    }

    @Test
    void givenTheHistoryInOrder_whenApplied_thenTheFactsHoldTheLastCloseTheReworkAndTheOverdue() {
        CaseFact fact = applyAll(history());

        assertThat(fact.snapshotVersion()).isEqualTo(6);
        assertThat(fact.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(fact.reportedAt()).isEqualTo(REPORTED);
        assertThat(fact.closedVersion()).isEqualTo(6);
        assertThat(fact.closedOnTime()).isTrue();
        assertThat(fact.handlingTime()).isEqualTo(Duration.ofDays(5));
        assertThat(fact.reopenedAt()).containsExactly(5L);
        assertThat(fact.overdueAt()).containsExactly(3L);
        assertThat(fact.departmentId()).isEqualTo("dept-urban");
        assertThat(fact.communityId()).isEqualTo("qjp-pulou-chengnan");
    }

    @Test
    void givenEveryEventTwice_whenApplied_thenTheFactsAreTheSameAsOnce() {
        List<CaseEvent> twice = new ArrayList<>(history());
        twice.addAll(history());

        assertThat(applyAll(twice)).isEqualTo(applyAll(history()));
    }

    @Test
    void givenTheHistoryShuffled_whenApplied_thenTheFactsAreTheSameAsInOrder() {
        CaseFact inOrder = applyAll(history());
        Random random = new Random(8);
        for (int round = 0; round < 50; round++) {
            List<CaseEvent> shuffled = new ArrayList<>(history());
            Collections.shuffle(shuffled, random);
            assertThat(applyAll(shuffled)).as("order %s", shuffled.stream().map(CaseEvent::aggregateVersion).toList())
                    .isEqualTo(inOrder);
        }
    }

    @Test
    void givenTheFirstCloseArrivingAfterTheReopen_whenApplied_thenTheCaseIsNotCountedClosed() {
        List<CaseEvent> events = history().subList(0, 5);
        CaseFact fact = applyAll(List.of(events.get(4), events.get(0), events.get(3)));

        assertThat(fact.status()).isEqualTo(CaseStatus.REOPENED);
        assertThat(fact.isClosed()).isFalse();
        assertThat(fact.wasReopened()).isTrue();
    }

    private CaseFact applyAll(List<CaseEvent> events) {
        CaseFact fact = CaseFact.unknown(aCase.caseId());
        for (CaseEvent event : events) {
            fact = fact.apply(event);
        }
        return fact;
    }
}
