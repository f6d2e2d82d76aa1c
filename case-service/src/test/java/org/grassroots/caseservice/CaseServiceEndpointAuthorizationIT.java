package org.grassroots.caseservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/** Every endpoint case-service maps refuses a call without a token and states who may call it. */
@ServiceIntegrationTest
class CaseServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
}
