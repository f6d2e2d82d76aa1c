package org.grassroots.gridservice.grids;

import java.util.regex.Pattern;

import org.grassroots.contracts.grids.GridLevel;

/**
 * The grid code of the unit-grid standard (GB/T 30428.1): 6 digits of administrative division
 * (320812 清江浦区), 3 of the street, 3 of the community and 3 of the grid — 15 digits for a grid of
 * levels 1–3. A micro-grid adds 2 digits to its grid's code (17 digits).
 */
final class GridCode {

    private static final Pattern GRID = Pattern.compile("\\d{15}");
    private static final Pattern MICRO = Pattern.compile("\\d{17}");

    private GridCode() {
    }

    /** Why the code does not fit the level and parent, or null if it does. */
    static String problem(String code, GridLevel level, String parentCode) {
        if (code == null || code.isBlank()) {
            return "is required";
        }
        if (level == GridLevel.MICRO) {
            if (!MICRO.matcher(code).matches()) {
                return "a micro-grid's code is its grid's 15-digit code and 2 more digits";
            }
            if (parentCode != null && !code.startsWith(parentCode)) {
                return "a micro-grid's code must start with its grid's code " + parentCode;
            }
            return null;
        }
        if (!GRID.matcher(code).matches()) {
            return "a grid's code is 15 digits: administrative code 6, street 3, community 3, grid 3";
        }
        if (parentCode != null && !code.regionMatches(0, parentCode, 0, 12)) {
            return "a grid's code must share its community prefix " + parentCode.substring(0, 12)
                    + " with its parent grid";
        }
        return null;
    }

    /** The grid-number part of a code (its last 3 digits; for a micro-grid the 2-digit suffix). */
    static String localPart(String code) {
        return code.length() == 17 ? code.substring(15) : code.substring(12);
    }
}
