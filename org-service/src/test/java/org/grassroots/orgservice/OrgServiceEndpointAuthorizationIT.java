package org.grassroots.orgservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/** Every endpoint org-service maps refuses a call without a token and states who may call it. */
@ServiceIntegrationTest
class OrgServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
}
