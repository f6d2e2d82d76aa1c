package org.grassroots.gridlocation;

import java.util.Arrays;

import org.locationtech.jts.geom.Envelope;

/**
 * A uniform raster over all grids that answers most lookups without any geometry. Each cell keeps,
 * best ranked first, the grids that may cover some point of it, and stops at the first grid that
 * covers the whole cell: nothing ranked below it can win there. A lookup walks its cell's list and
 * tests each grid's boundary until one covers the point; if it reaches a grid covering the whole
 * cell, that grid is the answer without a test. Inside a micro-grid (most cells, at the default
 * resolution) the list is that one micro-grid, so the lookup is two array reads.
 *
 * <p><b>Exactness.</b> A cell is the set of points the lookup maps to it ({@link #col}, {@link #row}:
 * monotonic, so the map never disagrees with the order of coordinates). Building marks every cell a
 * boundary segment may reach (the segment cut into pieces no longer than a cell, each piece's box
 * widened by a tolerance far above rounding); a cell no boundary reaches lies wholly inside or wholly
 * outside the grid, and its centre says which. So the raster never changes an answer, it only skips
 * tests whose result is already known.
 */
final class CellRaster {

    /** Cells per grid: about 8 × 8 cells per micro-grid when micro-grids tile the district. */
    private static final int CELLS_PER_AREA = 64;
    private static final int MAX_CELLS = 1 << 21;

    private final PackedArea[] areas;
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;
    private final int cols;
    private final int rows;
    private final double colsPerUnit;
    private final double rowsPerUnit;
    /** Cell {@code c}'s entries are {@code entries[cellStart[c]] .. entries[cellStart[c + 1] - 1]}. */
    private final int[] cellStart;
    /** {@code a >= 0}: test area {@code a}; {@code a < 0}: area {@code ~a} covers the whole cell. */
    private final int[] entries;

    /** @param areas ranked: where several cover a point, the one with the lowest index wins */
    CellRaster(PackedArea[] areas) {
        this.areas = areas;
        Envelope box = new Envelope();
        for (PackedArea area : areas) {
            box.expandToInclude(area.envelope());
        }
        if (box.isNull()) {
            minX = minY = Double.POSITIVE_INFINITY;
            maxX = maxY = Double.NEGATIVE_INFINITY;
            cols = rows = 1;
            colsPerUnit = rowsPerUnit = 0;
            cellStart = new int[2];
            entries = new int[0];
            return;
        }
        minX = box.getMinX();
        minY = box.getMinY();
        maxX = box.getMaxX();
        maxY = box.getMaxY();
        long target = Math.max(1, Math.min(MAX_CELLS, (long) CELLS_PER_AREA * areas.length));
        double aspect = box.getWidth() > 0 && box.getHeight() > 0 ? box.getWidth() / box.getHeight() : 1;
        cols = box.getWidth() > 0 ? (int) Math.max(1, Math.min(target, Math.round(Math.sqrt(target * aspect)))) : 1;
        rows = box.getHeight() > 0 ? (int) Math.max(1, target / cols) : 1;
        colsPerUnit = box.getWidth() > 0 ? cols / box.getWidth() : 0;
        rowsPerUnit = box.getHeight() > 0 ? rows / box.getHeight() : 0;

        Builder builder = new Builder();
        for (int a = 0; a < areas.length; a++) {
            builder.add(a);
        }
        cellStart = builder.cellStart();
        entries = builder.entries();
    }

    /** The index of the best ranked area covering the point, or -1 if none does. */
    int find(double x, double y) {
        if (!(x >= minX && x <= maxX && y >= minY && y <= maxY)) {
            return -1;
        }
        int cell = row(y) * cols + col(x);
        for (int k = cellStart[cell], end = cellStart[cell + 1]; k < end; k++) {
            int entry = entries[k];
            if (entry < 0) {
                return ~entry;
            }
            if (areas[entry].covers(x, y)) {
                return entry;
            }
        }
        return -1;
    }

    /** Raster cells, and the entries over all of them: what the raster costs in memory. */
    String describe() {
        return cols + "×" + rows + " cells, " + entries.length + " entries";
    }

    private int col(double x) {
        return Math.min(cols - 1, Math.max(0, (int) ((x - minX) * colsPerUnit)));
    }

    private int row(double y) {
        return Math.min(rows - 1, Math.max(0, (int) ((y - minY) * rowsPerUnit)));
    }

    /** Fills the cells area by area, best ranked first, so a cell closed by a whole cover takes no more. */
    private final class Builder {

        final boolean[] closed = new boolean[cols * rows];
        /** The last area (index + 1) whose boundary reaches the cell: no clearing between areas. */
        final int[] touchedBy = new int[cols * rows];
        final double tolerance = 1e-9 * Math.max(1,
                Math.max(Math.max(Math.abs(minX), Math.abs(maxX)), Math.max(Math.abs(minY), Math.abs(maxY))));
        int[] cellOf = new int[1024];
        int[] entryOf = new int[1024];
        int size;

        void add(int a) {
            PackedArea area = areas[a];
            markBoundary(area, a + 1);
            Envelope envelope = area.envelope();
            for (int r = row(envelope.getMinY()), lastRow = row(envelope.getMaxY()); r <= lastRow; r++) {
                for (int c = col(envelope.getMinX()), lastCol = col(envelope.getMaxX()); c <= lastCol; c++) {
                    int cell = r * cols + c;
                    if (closed[cell]) {
                        continue;
                    }
                    if (touchedBy[cell] == a + 1) {
                        append(cell, a);
                        continue;
                    }
                    double cx = colsPerUnit > 0 ? minX + (c + 0.5) / colsPerUnit : minX;
                    double cy = rowsPerUnit > 0 ? minY + (r + 0.5) / rowsPerUnit : minY;
                    if (col(cx) != c || row(cy) != r) {
                        append(cell, a); // cells too small to hold their own centre: test, never guess
                    } else if (area.covers(cx, cy)) {
                        append(cell, ~a);
                        closed[cell] = true;
                    }
                }
            }
        }

        private void markBoundary(PackedArea area, int stamp) {
            for (int k = 0; k < area.segmentCount(); k++) {
                int i = area.segmentStart(k);
                double x1 = area.x(i);
                double y1 = area.y(i);
                double x2 = area.x(i + 1);
                double y2 = area.y(i + 1);
                int pieces = (int) Math.max(1, Math.ceil(
                        Math.max(Math.abs(x2 - x1) * colsPerUnit, Math.abs(y2 - y1) * rowsPerUnit)));
                double ax = x1;
                double ay = y1;
                for (int p = 1; p <= pieces; p++) {
                    double bx = p == pieces ? x2 : x1 + (x2 - x1) * p / pieces;
                    double by = p == pieces ? y2 : y1 + (y2 - y1) * p / pieces;
                    for (int r = row(Math.min(ay, by) - tolerance), lastRow = row(Math.max(ay, by) + tolerance);
                            r <= lastRow; r++) {
                        for (int c = col(Math.min(ax, bx) - tolerance), lastCol = col(Math.max(ax, bx) + tolerance);
                                c <= lastCol; c++) {
                            touchedBy[r * cols + c] = stamp;
                        }
                    }
                    ax = bx;
                    ay = by;
                }
            }
        }

        private void append(int cell, int entry) {
            if (size == cellOf.length) {
                cellOf = Arrays.copyOf(cellOf, size * 2);
                entryOf = Arrays.copyOf(entryOf, size * 2);
            }
            cellOf[size] = cell;
            entryOf[size] = entry;
            size++;
        }

        int[] cellStart() {
            int[] start = new int[cols * rows + 1];
            for (int i = 0; i < size; i++) {
                start[cellOf[i] + 1]++;
            }
            for (int c = 0; c < cols * rows; c++) {
                start[c + 1] += start[c];
            }
            return start;
        }

        /** The entries grouped by cell, each cell's in the order appended (the areas' rank). */
        int[] entries() {
            int[] next = cellStart();
            int[] grouped = new int[size];
            for (int i = 0; i < size; i++) {
                grouped[next[cellOf[i]]++] = entryOf[i];
            }
            return grouped;
        }
    }
}
