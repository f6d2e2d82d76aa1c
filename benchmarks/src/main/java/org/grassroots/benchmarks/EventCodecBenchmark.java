package org.grassroots.benchmarks;

import java.util.concurrent.TimeUnit;

import org.grassroots.contracts.ContractFixtures;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.cases.CaseClosed;
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

/**
 * What every published and every consumed event pays: platform-contracts' {@link EventCodec} writing
 * and reading the {@code CaseClosed} contract fixture (the largest case event: full
 * {@code CaseFacts} with assignee and deadlines). {@code readByType} is how consumers read, by the
 * CloudEvents type header through {@link EventCatalog}.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar EventCodec}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class EventCodecBenchmark {

    @State(Scope.Benchmark)
    public static class Fixture {

        final EventCodec codec = new EventCodec();
        String type;
        CaseClosed closed;
        byte[] json;

        @Setup(Level.Trial)
        public void read() {
            type = EventCatalog.typeOf(CaseClosed.class);
            closed = ContractFixtures.event(CaseClosed.class);
            json = codec.write(closed);
            if (!codec.read(json, CaseClosed.class).equals(closed)) {
                throw new IllegalStateException("CaseClosed does not survive a round trip");
            }
            System.out.printf("%nCaseClosed fixture: %d bytes of JSON%n", json.length);
        }
    }

    @Benchmark
    public byte[] write(Fixture fixture) {
        return fixture.codec.write(fixture.closed);
    }

    @Benchmark
    public CaseClosed read(Fixture fixture) {
        return fixture.codec.read(fixture.json, CaseClosed.class);
    }

    @Benchmark
    public IntegrationEvent readByType(Fixture fixture) {
        return fixture.codec.read(fixture.type, fixture.json);
    }
}
