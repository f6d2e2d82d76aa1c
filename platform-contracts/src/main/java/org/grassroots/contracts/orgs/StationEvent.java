package org.grassroots.contracts.orgs;

import org.grassroots.contracts.IntegrationEvent;

/** A service station was registered, changed or closed, on {@code org-events} keyed by its code. */
public sealed interface StationEvent extends IntegrationEvent permits StationRegistered, StationUpdated, StationClosed {

    String code();

    StationFacts station();

    @Override
    default String subject() {
        return code();
    }
}
