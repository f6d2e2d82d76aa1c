package org.grassroots.contracts.orgs;

import org.grassroots.contracts.IntegrationEvent;

/** A partner was registered or changed, on {@code org-events} keyed by its code. */
public sealed interface PartnerEvent extends IntegrationEvent permits PartnerRegistered, PartnerUpdated {

    String code();

    PartnerFacts partner();

    @Override
    default String subject() {
        return code();
    }
}
