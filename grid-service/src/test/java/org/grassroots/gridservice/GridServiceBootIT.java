package org.grassroots.gridservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class GridServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/grids";
    }
}
