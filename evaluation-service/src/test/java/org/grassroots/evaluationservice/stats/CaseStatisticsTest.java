package org.grassroots.evaluationservice.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.evaluation.Satisfaction;
import org.grassroots.evaluationservice.CaseEventsFixture;
import org.grassroots.evaluationservice.casefacts.CaseFact;
import org.junit.jupiter.api.Test;

class CaseStatisticsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant MARCH_2 = Instant.parse("2026-03-02T01:00:00Z");

    final List<CaseFact> facts = new ArrayList<>();

    @Test
    void givenTenCasesOfACommunity_whenCounted_thenEveryMetricFollowsItsDefinition() {
        List<CaseFact> closed = new ArrayList<>();
        for (int hours = 1; hours <= 10; hours++) {
            CaseEventsFixture aCase = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");
            closed.add(fact(aCase.reported(MARCH_2), aCase.closed(5, MARCH_2, Duration.ofHours(hours), hours <= 6, null)));
        }
        facts.addAll(closed.subList(0, 8));
        CaseEventsFixture open = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");
        facts.add(fact(open.reported(MARCH_2), open.overdue(3, MARCH_2.plusSeconds(7200), "dept-urban"),
                open.reopened(4, MARCH_2.plusSeconds(9000), "dept-urban")));
        CaseEventsFixture cancelled = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");
        facts.add(fact(cancelled.reported(MARCH_2), cancelled.cancelled(2, MARCH_2.plusSeconds(60))));
        Map<String, Satisfaction> ratings = Map.of(
                closed.get(0).caseId(), Satisfaction.SATISFIED,
                closed.get(1).caseId(), Satisfaction.BASICALLY_SATISFIED,
                closed.get(2).caseId(), Satisfaction.DISSATISFIED,
                closed.get(3).caseId(), Satisfaction.SATISFIED);

        List<StatsRow> rows = CaseStatistics.compute(facts, ratings, Grouping.COMMUNITY, Period.QUARTER, SHANGHAI);

        assertThat(rows).hasSize(1);
        StatsRow row = rows.get(0);
        assertThat(row.group()).isEqualTo("qjp-pulou-chengnan");
        assertThat(row.period()).isEqualTo("2026-Q1");
        assertThat(row.filed()).as("the cancelled report is not a case").isEqualTo(9);
        assertThat(row.closed()).isEqualTo(8);
        assertThat(row.closureRate()).isEqualTo(0.8889);
        assertThat(row.closedOnTime()).isEqualTo(6);
        assertThat(row.onTimeClosureRate()).isEqualTo(0.75);
        assertThat(row.rated()).isEqualTo(4);
        assertThat(row.satisfactionRate()).isEqualTo(0.75);
        assertThat(row.reworked()).isEqualTo(1);
        assertThat(row.reworkRate()).isEqualTo(0.1111);
        assertThat(row.overdue()).isEqualTo(1);
        assertThat(row.meanHandlingHours()).isEqualTo(4.5);
        assertThat(row.p90HandlingHours()).as("nearest rank of 8 values: the 8th").isEqualTo(8.0);
    }

    @Test
    void givenACaseReportedLateInTheEveningBeijingTime_whenCountedByDay_thenItCountsOnTheBeijingDate() {
        CaseEventsFixture aCase = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");
        facts.add(fact(aCase.reported(Instant.parse("2026-03-31T16:30:00Z"))));

        List<StatsRow> rows = CaseStatistics.compute(facts, Map.of(), Grouping.ALL, Period.DAY, SHANGHAI);

        assertThat(rows).extracting(StatsRow::period).containsExactly("2026-04-01");
    }

    @Test
    void givenCasesOfTwoDepartments_whenGroupedByDepartment_thenUndispatchedCasesShowAsNone() {
        CaseEventsFixture urban = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-chengnan");
        CaseEventsFixture undispatched = CaseEventsFixture.newCase("qjp-pulou", "qjp-pulou-hebin");
        facts.add(fact(urban.reported(MARCH_2), urban.closed(5, MARCH_2, Duration.ofHours(3), true, "dept-urban")));
        facts.add(fact(undispatched.reported(MARCH_2)));

        List<StatsRow> rows = CaseStatistics.compute(facts, Map.of(), Grouping.DEPARTMENT, null, SHANGHAI);

        assertThat(rows).extracting(StatsRow::group, StatsRow::period)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("(none)", "all"),
                        org.assertj.core.groups.Tuple.tuple("dept-urban", "all"));
        assertThat(rows.get(0).satisfactionRate()).as("nothing rated: no rate").isNull();
    }

    private static CaseFact fact(CaseEvent... events) {
        CaseFact fact = CaseFact.unknown(events[0].caseId());
        for (CaseEvent event : events) {
            fact = fact.apply(event);
        }
        return fact;
    }
}
