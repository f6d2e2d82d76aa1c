package org.grassroots.caseservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/**
 * Every endpoint case-service maps refuses a call without a token and states who may call it, but
 * Open311's ({@code /open311/v2}): anyone may read it and filing takes an API key, not a bearer
 * token, as the specification says; {@code Open311IT} tests those rules.
 */
@ServiceIntegrationTest
class CaseServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {

    @Override
    protected boolean isOpenByDesign(Endpoint endpoint) {
        return super.isOpenByDesign(endpoint)
                || endpoint.handler().getBeanType().getPackageName().equals("org.grassroots.caseservice.open311.web");
    }
}
