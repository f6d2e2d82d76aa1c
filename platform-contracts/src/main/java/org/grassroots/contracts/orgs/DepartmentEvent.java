package org.grassroots.contracts.orgs;

import org.grassroots.contracts.IntegrationEvent;

/** A department was registered or changed, on {@code org-events} keyed by its code. */
public sealed interface DepartmentEvent extends IntegrationEvent permits DepartmentRegistered, DepartmentUpdated {

    String code();

    DepartmentFacts department();

    @Override
    default String subject() {
        return code();
    }
}
