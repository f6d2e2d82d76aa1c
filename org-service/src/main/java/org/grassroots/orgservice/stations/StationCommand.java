package org.grassroots.orgservice.stations;

import java.util.EnumSet;
import java.util.Set;

import org.grassroots.orgservice.stations.Station.Status;

/** Which command a station takes in which state: the one table its state rules come from. */
public enum StationCommand {
    UPDATE(EnumSet.of(Status.ACTIVE)),
    CLOSE(EnumSet.of(Status.ACTIVE));

    private final Set<Status> allowedIn;

    StationCommand(Set<Status> allowedIn) {
        this.allowedIn = allowedIn;
    }

    public boolean allowedIn(Status status) {
        return allowedIn.contains(status);
    }
}
