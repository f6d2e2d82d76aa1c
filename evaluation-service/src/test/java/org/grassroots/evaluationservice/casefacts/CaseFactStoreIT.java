package org.grassroots.evaluationservice.casefacts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.EvaluationIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A poll's events applied together end in the facts that applying them one by one gives. */
@EvaluationIntegrationTest
class CaseFactStoreIT {

    private static final Instant REPORTED = Instant.parse("2026-11-30T08:00:00Z");

    @Autowired
    CaseFactStore facts;

    @Test
    void givenAPollReportingNewCases_whenAppliedTogether_thenEachCaseHasItsFactsOnceWithItsLaterEvents() {
        CaseEventsFixture first = newCase();
        CaseEventsFixture second = newCase();

        facts.applyAll(List.of(first.reported(REPORTED), second.reported(REPORTED.plusSeconds(5)),
                first.accepted(2, REPORTED.plusSeconds(60))));

        assertThat(facts.find(first.caseId())).hasValueSatisfying(fact -> {
            assertThat(fact.reportedAt()).isEqualTo(REPORTED);
            assertThat(fact.status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(fact.snapshotVersion()).isEqualTo(2);
            assertThat(fact.revision()).isEqualTo(1);
        });
        assertThat(facts.find(second.caseId())).hasValueSatisfying(fact -> {
            assertThat(fact.reportedAt()).isEqualTo(REPORTED.plusSeconds(5));
            assertThat(fact.status()).isEqualTo(CaseStatus.REPORTED);
        });
    }

    @Test
    void givenAReportWhoseCaseHasFactsAlready_whenInAPollWithNewCases_thenItIsMergedAndTheCasesAfterItAreStillInserted() {
        CaseEventsFixture early = newCase();
        CaseEventsFixture before = newCase();
        CaseEventsFixture after = newCase();
        facts.merge(early.caseId(), fact -> fact.apply(early.accepted(2, REPORTED.plusSeconds(60))));

        facts.applyAll(List.of(before.reported(REPORTED), early.reported(REPORTED), after.reported(REPORTED)));

        assertThat(facts.find(early.caseId())).hasValueSatisfying(fact -> {
            assertThat(fact.reportedAt()).isEqualTo(REPORTED);
            assertThat(fact.status()).isEqualTo(CaseStatus.ACCEPTED);
            assertThat(fact.revision()).isEqualTo(2);
        });
        assertThat(facts.find(before.caseId())).hasValueSatisfying(fact -> assertThat(fact.reportedAt()).isEqualTo(REPORTED));
        assertThat(facts.find(after.caseId())).hasValueSatisfying(fact -> assertThat(fact.reportedAt()).isEqualTo(REPORTED));
    }

    @Test
    void givenTheSamePollDeliveredAgain_whenApplied_thenNothingChanges() {
        CaseEventsFixture reported = newCase();
        CaseEventsFixture closed = newCase();
        List<CaseEvent> poll = List.of(reported.reported(REPORTED), closed.reported(REPORTED),
                closed.closed(4, REPORTED, Duration.ofHours(3), true, "dept-cg"));
        facts.applyAll(poll);
        CaseFact once = facts.find(closed.caseId()).orElseThrow();

        facts.applyAll(poll);

        assertThat(facts.find(closed.caseId())).contains(once);
        assertThat(once.closedAt()).isEqualTo(REPORTED.plus(3, ChronoUnit.HOURS));
        assertThat(facts.find(reported.caseId()).orElseThrow().revision()).isEqualTo(1);
    }

    private static CaseEventsFixture newCase() {
        return CaseEventsFixture.newCase("qjp-chengnan", "qjp-chengnan-" + UUID.randomUUID().toString().substring(0, 8));
    }
}
