package org.grassroots.evaluationservice;

import org.grassroots.testsupport.ServiceBootChecks;

@EvaluationIntegrationTest
class EvaluationServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/stats/filed-cases";
    }
}
