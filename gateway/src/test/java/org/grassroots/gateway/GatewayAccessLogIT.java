package org.grassroots.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** One access log line per request, naming what was done and by whom, never with whose data. */
@ExtendWith(OutputCaptureExtension.class)
class GatewayAccessLogIT extends GatewayInFrontOfStandIns {

    private static final String CASE_ID = "6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b";

    @Test
    void givenADispatch_whenItPassesThroughTheGateway_thenOneLineNamesMethodTemplateStatusDurationAndUser(
            CapturedOutput output) {
        String token = TestTokens.user("4b7e0c1d-dispatcher").roles("community_staff").token();

        gateway.post().uri("/api/cases/" + CASE_ID + "/dispatch?residentPhone=13800001234")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header("X-Correlation-Id", "dispatch-log-0001")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"note\":\"王秀英家门口\"}")
                .exchange()
                .expectStatus().isOk();

        List<String> lines = accessLines(output, "dispatch-log-0001");
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("method=POST path=/api/cases/{id}/dispatch status=200 durationMs=")
                .contains("user=4b7e0c1d-dispatcher route=case-service");
        assertThat(output.getAll())
                .doesNotContain(token)
                .doesNotContain(CASE_ID)
                .doesNotContain("13800001234")
                .doesNotContain("王秀英");
    }

    @Test
    void givenNoToken_whenRefused_thenTheLineHasTheStatusAndNoUser(CapturedOutput output) {
        gateway.get().uri("/api/households/h-3207-0042")
                .header("X-Correlation-Id", "no-token-log-0002")
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(accessLines(output, "no-token-log-0002")).singleElement().asString()
                .contains("method=GET path=/api/households/{id} status=401")
                .contains("user=- route=-");
    }

    private static List<String> accessLines(CapturedOutput output, String correlationId) {
        return output.getAll().lines()
                .filter(line -> line.contains("AccessLogFilter") && line.contains("[" + correlationId + "]"))
                .toList();
    }
}
