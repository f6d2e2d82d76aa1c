package org.grassroots.gridlocation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the grid a point lies in, in memory. Immutable once built, so any number of threads may
 * locate at once; a change to the grids builds a new locator.
 *
 * <p><b>Rule.</b> A point belongs to every grid whose boundary <em>covers</em> it (interior or
 * boundary; a hole's interior is outside). Of those, the deepest grid wins (a micro-grid over its
 * grid, a level-3 grid over its level-2 grid); among equally deep grids (a point on the border two
 * grids share) the one with the lowest code wins, so the answer is the same on every instance and
 * every run.
 *
 * <p><b>How.</b> The grids are ranked once by that rule, so "the winner" is "the first covering grid
 * in rank order". A {@link CellRaster} over the district keeps per cell the ranked grids that may
 * cover part of it and answers cells lying wholly inside their best grid with no geometry at all;
 * elsewhere each candidate's {@link PackedArea} decides (a ray-crossing test over that grid's
 * segments near the point). Every grid's answer, ancestors included, is built here once, so a
 * lookup allocates nothing. Measured by {@code GridLocateBenchmark} in {@code benchmarks/}.
 */
public final class GridLocator {

    /** Deepest first, then lowest code: index order is the tie rule. */
    private static final Comparator<Ranked> RANK = Comparator.comparingInt((Ranked ranked) -> -ranked.depth())
            .thenComparing(ranked -> ranked.grid().code());

    private static final GridLocator EMPTY = new GridLocator(List.of());

    private final Map<String, LocatableGrid> byCode = new HashMap<>();
    private final GridLocation[] answers;
    private final CellRaster raster;

    public GridLocator(Collection<LocatableGrid> grids) {
        grids.forEach(grid -> byCode.put(grid.code(), grid));
        List<Ranked> ranked = new ArrayList<>(grids.size());
        for (LocatableGrid grid : grids) {
            ranked.add(new Ranked(grid, depthOf(grid)));
        }
        ranked.sort(RANK);
        answers = new GridLocation[ranked.size()];
        PackedArea[] areas = new PackedArea[ranked.size()];
        for (int i = 0; i < ranked.size(); i++) {
            LocatableGrid grid = ranked.get(i).grid();
            answers[i] = new GridLocation(grid, ancestorsOf(grid));
            areas[i] = new PackedArea(grid.boundary());
        }
        raster = new CellRaster(areas);
    }

    public static GridLocator empty() {
        return EMPTY;
    }

    /** How many grids the locator knows. */
    public int size() {
        return answers.length;
    }

    public Optional<LocatableGrid> grid(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** The deepest grid covering the point (see the class's rule), with its ancestors. */
    public Optional<GridLocation> locate(double lon, double lat) {
        int found = raster.find(lon, lat);
        return found < 0 ? Optional.empty() : Optional.of(answers[found]);
    }

    /** Just the located grid, or null outside every grid. */
    public LocatableGrid deepest(double lon, double lat) {
        int found = raster.find(lon, lat);
        return found < 0 ? null : answers[found].grid();
    }

    /** The raster's size, for the benchmark's report. */
    public String describeIndex() {
        return answers.length + " grids, " + raster.describe();
    }

    private List<LocatableGrid> ancestorsOf(LocatableGrid grid) {
        List<LocatableGrid> ancestors = new ArrayList<>();
        LocatableGrid parent = grid.parentCode() == null ? null : byCode.get(grid.parentCode());
        while (parent != null && ancestors.size() < 8) {
            ancestors.add(parent);
            parent = parent.parentCode() == null ? null : byCode.get(parent.parentCode());
        }
        Collections.reverse(ancestors);
        return ancestors;
    }

    /** Levels above the grid that the locator knows, bounded so a cycle in bad data cannot hang it. */
    private int depthOf(LocatableGrid grid) {
        int depth = 0;
        LocatableGrid parent = grid.parentCode() == null ? null : byCode.get(grid.parentCode());
        while (parent != null && depth < 8) {
            depth++;
            parent = parent.parentCode() == null ? null : byCode.get(parent.parentCode());
        }
        return depth;
    }

    private record Ranked(LocatableGrid grid, int depth) {
    }
}
