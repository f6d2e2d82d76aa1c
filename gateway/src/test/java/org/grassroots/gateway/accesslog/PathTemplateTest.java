package org.grassroots.gateway.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The rule the segments are judged by, as it was written before it was checked by hand. */
    private static final Pattern API_WORD = Pattern.compile("[a-z]+(?:[-.][a-z]+)*|v[0-9]{1,2}");

    @ParameterizedTest(name = "segment \"{0}\"")
    @ValueSource(strings = {"cases", "filed-cases", "api-docs", "index.html", "swagger-config", "v3", "v12", "v123",
            "v", "va", "v3a", "V3", "-cases", "cases-", "a--b", "a.-b", "a..b", ".", "-", "a", "z", "a-b.c",
            "Cases", "cases1", "x1", "abcdefghijklmnopqrstuvwxyzabcdef", "abcdefghijklmnopqrstuvwxyzabcdefg",
            "h-3207-0042", "6f1c2a9e", "é", "a b", "_"})
    void givenASegmentOfAnyShape_whenTemplated_thenItStaysExactlyWhenItIsAnApiWordOfAtMost32Characters(String segment) {
        boolean apiWord = segment.length() <= 32 && API_WORD.matcher(segment).matches();

        assertThat(PathTemplate.of("/" + segment)).isEqualTo(apiWord ? "/" + segment : "/{id}");
    }
}
