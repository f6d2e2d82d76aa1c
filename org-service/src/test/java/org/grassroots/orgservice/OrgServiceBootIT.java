package org.grassroots.orgservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class OrgServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/orgs";
    }
}
