package org.grassroots.evaluationservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class EvaluationServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/stats/filed-cases";
    }
}
