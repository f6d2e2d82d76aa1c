package org.grassroots.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PathTemplateTest {

    @ParameterizedTest(name = "{0} is logged as {1}")
    @CsvSource({
            "/api/cases,                                                   /api/cases",
            "/api/cases/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b/dispatch,     /api/cases/{id}/dispatch",
            "/api/cases/GR-20261121-000001/history,                        /api/cases/{id}/history",
            "/api/cases/inbox,                                             /api/cases/inbox",
            "/api/categories/EXPOSED_RUBBISH,                              /api/categories/{id}",
            "/api/households/h-3207-0042,                                  /api/households/{id}",
            "/api/members/13800001234,                                     /api/members/{id}",
            "/api/stats/filed-cases,                                       /api/stats/filed-cases",
            "/api/grids/locate,                                            /api/grids/locate",
            "/webjars/swagger-ui/index.html,                               /webjars/swagger-ui/index.html",
            "/v3/api-docs/swagger-config,                                  /v3/api-docs/swagger-config",
            "/,                                                            /"
    })
    void givenARequestPath_whenTemplated_thenApiWordsStayAndEverythingElseIsAnId(String path, String template) {
        assertThat(PathTemplate.of(path)).isEqualTo(template);
    }
}
