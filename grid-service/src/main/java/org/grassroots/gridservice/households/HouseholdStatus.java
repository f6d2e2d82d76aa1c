package org.grassroots.gridservice.households;

import java.util.EnumSet;
import java.util.Set;

/** Where a household stands in the population ledger. */
public enum HouseholdStatus {
    /** Lives at its address. */
    ACTIVE,
    /** Moved away (迁出): kept for the record, no longer counted or found by address. */
    MOVED_OUT,
    /** Registered in error and taken out of the ledger (注销): kept for the record. */
    REMOVED;

    /** Which command a household takes in which state: the one table its state rules come from. */
    public enum Command {
        ADD_PERSON(EnumSet.of(ACTIVE)),
        CORRECT_ADDRESS(EnumSet.of(ACTIVE)),
        CORRECT_PERSON(EnumSet.of(ACTIVE)),
        PAIR(EnumSet.of(ACTIVE)),
        UNPAIR(EnumSet.of(ACTIVE, MOVED_OUT, REMOVED)),
        MOVE_OUT(EnumSet.of(ACTIVE)),
        REMOVE(EnumSet.of(ACTIVE, MOVED_OUT));

        private final Set<HouseholdStatus> allowedIn;

        Command(Set<HouseholdStatus> allowedIn) {
            this.allowedIn = allowedIn;
        }

        public boolean allowedIn(HouseholdStatus status) {
            return allowedIn.contains(status);
        }
    }
}
