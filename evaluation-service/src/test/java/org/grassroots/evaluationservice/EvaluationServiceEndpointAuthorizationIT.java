package org.grassroots.evaluationservice;

import org.grassroots.testsupport.EndpointAuthorizationChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

/** Every endpoint evaluation-service maps refuses a call without a token and states who may call it. */
@ServiceIntegrationTest
class EvaluationServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
}
