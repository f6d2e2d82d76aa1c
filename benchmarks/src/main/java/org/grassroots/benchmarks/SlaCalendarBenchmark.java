package org.grassroots.benchmarks;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.grassroots.caseservice.sla.ChinaCalendar2026;
import org.grassroots.caseservice.sla.SlaClock;
import org.grassroots.caseservice.sla.TimeLimit;
import org.grassroots.caseservice.sla.WorkingCalendar;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SLA arithmetic every case event pays for its deadlines: case-service's {@link SlaClock} on the
 * 2026 working calendar ({@link ChinaCalendar2026}: Asia/Shanghai, 08:30-12:00 and 13:30-17:30,
 * Monday-Friday, the State Council's holidays and make-up days), for a "4h" and a "3d" limit started
 *
 * <ul>
 *   <li>{@code weekday}: Tuesday 2026-11-17 10:00, nothing in the way;</li>
 *   <li>{@code friday}: Friday 2026-11-20 15:15, across the weekend;</li>
 *   <li>{@code nationalDay}: Wednesday 2026-09-30 16:00, across the 7-day National Day holiday and
 *       into the make-up Saturday 2026-10-10.</li>
 * </ul>
 * {@code workingTimeBetween} is the inverse (how much of a limit is used), over the holiday.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar SlaCalendar}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class SlaCalendarBenchmark {

    @State(Scope.Benchmark)
    public static class Fixture {

        @Param({"weekday", "friday", "nationalDay"})
        String start;

        WorkingCalendar calendar;
        Instant startedAt;
        final TimeLimit fourHours = TimeLimit.parse("4h");
        final TimeLimit threeDays = TimeLimit.parse("3d");

        @Setup(Level.Trial)
        public void calendar() {
            calendar = ChinaCalendar2026.calendar();
            startedAt = Instant.parse(switch (start) {
                case "weekday" -> "2026-11-17T02:00:00Z";
                case "friday" -> "2026-11-20T07:15:00Z";
                case "nationalDay" -> "2026-09-30T08:00:00Z";
                default -> throw new IllegalArgumentException(start);
            });
            System.out.printf("%nFrom %s: 4h → %s, 3d → %s%n", startedAt,
                    SlaClock.start(startedAt, fourHours, calendar).deadline().orElseThrow(),
                    SlaClock.start(startedAt, threeDays, calendar).deadline().orElseThrow());
        }
    }

    @Benchmark
    public Instant deadlineOf4h(Fixture fixture) {
        return SlaClock.start(fixture.startedAt, fixture.fourHours, fixture.calendar).deadline().orElseThrow();
    }

    @Benchmark
    public Instant deadlineOf3d(Fixture fixture) {
        return SlaClock.start(fixture.startedAt, fixture.threeDays, fixture.calendar).deadline().orElseThrow();
    }

    @Benchmark
    public java.time.Duration workingTimeOver3d(Fixture fixture) {
        return fixture.calendar.workingTimeBetween(fixture.startedAt,
                fixture.calendar.plusWorkingDays(fixture.startedAt, 3));
    }
}
