package org.grassroots.caseservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class CaseServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/cases/any";
    }
}
