package org.grassroots.volunteerservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/** Every endpoint volunteer-service maps refuses a call without a token and states who may call it. */
@ServiceIntegrationTest
class VolunteerServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
}
