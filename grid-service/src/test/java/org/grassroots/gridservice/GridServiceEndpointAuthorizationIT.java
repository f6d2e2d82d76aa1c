package org.grassroots.gridservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/** Every endpoint grid-service maps refuses a call without a token and states who may call it. */
@ServiceIntegrationTest
class GridServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
}
