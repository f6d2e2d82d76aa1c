package org.grassroots.volunteerservice;

import org.grassroots.testsupport.ServiceBootChecks;
import org.grassroots.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class VolunteerServiceBootIT extends ServiceBootChecks {

    @Override
    protected String apiPath() {
        return "/api/points";
    }
}
