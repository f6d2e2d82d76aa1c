package org.grassroots.contracts.cases;

import java.util.Optional;

/**
 * Who handles a case, lowest first: "小事不出网格、大事不出社区", and the district takes what the
 * street cannot. A category sets the starting level; escalation moves one level up.
 */
public enum HandlingLevel {
    GRID,
    COMMUNITY,
    STREET,
    DISTRICT;

    /** The level an escalation moves to, or empty at {@link #DISTRICT}, the top. */
    public Optional<HandlingLevel> next() {
        HandlingLevel[] levels = values();
        return ordinal() + 1 < levels.length ? Optional.of(levels[ordinal() + 1]) : Optional.empty();
    }
}
