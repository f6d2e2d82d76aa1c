package org.grassroots.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.grassroots.caseservice.cases.Case;
import org.grassroots.caseservice.categories.Category;
import org.grassroots.caseservice.categories.CategoryDefinition;
import org.grassroots.caseservice.categories.CategoryKind;
import org.grassroots.caseservice.categories.CategoryLimits;
import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.grassroots.contracts.cases.Assignee;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.contracts.cases.CaseEvent;
import org.grassroots.contracts.cases.Channel;
import org.grassroots.contracts.cases.GeoPoint;
import org.grassroots.contracts.cases.HandlingLevel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The case aggregate's state machine in memory (case-service's {@link Case}, no MongoDB, no HTTP):
 * what one request's domain work costs. Every command also computes the deadlines its event carries
 * on the 2026 working calendar, as in the service.
 *
 * <ul>
 *   <li>{@code report}: a new case and its {@code CaseReported};</li>
 *   <li>{@code acceptAndDispatch}: report, accept, dispatch to a department (what the dispatch
 *       latency benchmark drives over HTTP);</li>
 *   <li>{@code fullLifecycle}: report, accept, dispatch, claim, resolve, pass the check
 *       (verified + closed): 7 events.</li>
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CaseWorkflow}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class CaseWorkflowBenchmark {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final Assignee URBAN = new Assignee(AssigneeKind.DEPARTMENT, "dept-urban", "区城市管理局");
    /** A Friday afternoon: the respond and resolve deadlines run over the weekend. */
    static final Instant REPORTED_AT = Instant.parse("2026-11-20T07:15:00Z");

    @State(Scope.Benchmark)
    public static class Fixture {

        Category rubbish;
        Case.NewReport report;
        WorkingCalendar calendar;

        @Setup(Level.Trial)
        public void define() {
            rubbish = Category.define("EXPOSED_RUBBISH", new CategoryDefinition("暴露垃圾", "Exposed rubbish",
                    CategoryKind.COMPLAINT, HandlingLevel.COMMUNITY, "dept-urban",
                    CategoryLimits.parse("4h", "3d", "1d", "limits"), null, List.of()));
            report = new Case.NewReport("EXPOSED_RUBBISH", "垃圾堆积", new GeoPoint(119.0213, 33.6012),
                    "健康东路与淮海南路路口", Channel.RESIDENT_APP, "00000000-0000-4000-8000-000000000001", CHENGNAN,
                    false);
            calendar = ChinaCalendar2026.calendar();
        }
    }

    @Benchmark
    public Case.Reported report(Fixture fixture) {
        return Case.report(fixture.report, fixture.rubbish, "case-1", "GR-20261120-000001", REPORTED_AT,
                fixture.calendar);
    }

    @Benchmark
    public CaseEvent acceptAndDispatch(Fixture fixture, Blackhole events) {
        Case aCase = report(fixture).aCase();
        events.consume(aCase.accept("dispatcher1", null, REPORTED_AT.plusSeconds(60)));
        return aCase.dispatch(URBAN, "dispatcher1", "请城管处理", REPORTED_AT.plusSeconds(120));
    }

    @Benchmark
    public List<CaseEvent> fullLifecycle(Fixture fixture, Blackhole events) {
        Case aCase = report(fixture).aCase();
        Instant at = REPORTED_AT;
        events.consume(aCase.accept("dispatcher1", null, at = at.plusSeconds(60)));
        events.consume(aCase.dispatch(URBAN, "dispatcher1", "请城管处理", at = at.plusSeconds(60)));
        events.consume(aCase.claim("dept-urban1", at = at.plus(Duration.ofHours(1))));
        events.consume(aCase.resolve("dept-urban1", "已清运", List.of("after.jpg"), at = at.plus(Duration.ofHours(20))));
        return aCase.verify(true, "gridworker1", "现场已清理", at.plus(Duration.ofHours(2)));
    }
}
