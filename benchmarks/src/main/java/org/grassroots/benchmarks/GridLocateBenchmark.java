package org.grassroots.benchmarks;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.grassroots.contracts.grids.GridLevel;
import org.grassroots.gridlocation.GridLocation;
import org.grassroots.gridlocation.GridLocator;
import org.grassroots.gridlocation.LocatableGrid;
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
 * Lookups per second per thread of {@link GridLocator} over a synthetic district of 100 grids and
 * 100 micro-grids each (10,000 micro-grids of irregular, densified shape tiling the district), at
 * random points in the district. Run:
 *
 * <pre>
 * ./mvnw -pl benchmarks -am package -DskipTests
 * java -jar benchmarks/target/benchmarks.jar GridLocate -f 1 -wi 2 -i 3
 * </pre>
 *
 * {@code deepest} is the lookup itself; {@code locateWithAncestors} also returns the answer the
 * location API serialises (prepared once per grid); {@code strTreeBaseline} is the locator before
 * the raster (STR-tree over prepared geometries), for comparison in the same run. The setup checks
 * 100,000 answers of the locator against that reference before measuring. {@code -t N} runs N threads; the score is then the sum over threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class GridLocateBenchmark {

    @State(Scope.Benchmark)
    public static class District {

        @Param({"100"})
        int microPerGrid;

        GridLocator locator;
        StrTreeLocator strTree;
        int micro;

        @Setup(Level.Trial)
        public void build() {
            List<LocatableGrid> grids = SyntheticDistrict.build(100, microPerGrid, 20261121L);
            micro = (int) grids.stream().filter(grid -> grid.level() == GridLevel.MICRO).count();
            long started = System.nanoTime();
            locator = new GridLocator(grids);
            long built = System.nanoTime();
            strTree = new StrTreeLocator(grids);
            int found = 0;
            Random random = new Random(1);
            for (int i = 0; i < 100_000; i++) {
                double lon = SyntheticDistrict.BOX.getMinX() + random.nextDouble() * SyntheticDistrict.BOX.getWidth();
                double lat = SyntheticDistrict.BOX.getMinY() + random.nextDouble() * SyntheticDistrict.BOX.getHeight();
                LocatableGrid grid = locator.deepest(lon, lat);
                if (grid != strTree.deepest(lon, lat)) {
                    throw new IllegalStateException("the locator and the STR-tree reference disagree at " + lon + " "
                            + lat + ": " + grid + " against " + strTree.deepest(lon, lat));
                }
                if (grid != null && grid.level() == GridLevel.MICRO) {
                    found++;
                }
            }
            System.out.printf("%nDistrict: %d grids, %d micro-grids; %.2f%% of random points in a micro-grid; "
                    + "locator (%s) built in %d ms; 100,000 answers equal to the STR-tree reference%n",
                    grids.size() - micro, micro, found / 1000.0, locator.describeIndex(), (built - started) / 1_000_000);
            if (micro < 10_000 || found < 99_000) {
                throw new IllegalStateException("the synthetic district does not tile: " + micro + " micro-grids, "
                        + found + " of 100000 points located");
            }
        }
    }

    /** A million random points per thread, walked in order so generating them costs nothing in the loop. */
    @State(Scope.Thread)
    public static class Points {

        static final int COUNT = 1 << 20;
        final double[] lon = new double[COUNT];
        final double[] lat = new double[COUNT];
        int next;

        @Setup(Level.Trial)
        public void generate() {
            Random random = new Random(Thread.currentThread().getId());
            for (int i = 0; i < COUNT; i++) {
                lon[i] = SyntheticDistrict.BOX.getMinX() + random.nextDouble() * SyntheticDistrict.BOX.getWidth();
                lat[i] = SyntheticDistrict.BOX.getMinY() + random.nextDouble() * SyntheticDistrict.BOX.getHeight();
            }
        }

        int advance() {
            next = (next + 1) & (COUNT - 1);
            return next;
        }
    }

    @Benchmark
    public LocatableGrid deepest(District district, Points points) {
        int i = points.advance();
        return district.locator.deepest(points.lon[i], points.lat[i]);
    }

    /** The locator before the raster: the baseline the numbers above are compared with. */
    @Benchmark
    public LocatableGrid strTreeBaseline(District district, Points points) {
        int i = points.advance();
        return district.strTree.deepest(points.lon[i], points.lat[i]);
    }

    @Benchmark
    public GridLocation locateWithAncestors(District district, Points points) {
        int i = points.advance();
        return district.locator.locate(points.lon[i], points.lat[i]).orElse(null);
    }
}
