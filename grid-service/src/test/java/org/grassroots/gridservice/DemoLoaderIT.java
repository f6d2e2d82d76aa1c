package org.grassroots.gridservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.grassroots.gridservice.communities.Community;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/** deploy/local/demo/20-grid.sh against this service (standing in for the gateway), twice. */
@ServiceIntegrationTest
class DemoLoaderIT {

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Test
    void givenTheDemoLoader_whenRunTwice_thenItLoadsTheDemoDistrictAndChangesNothingTheSecondTime() throws Exception {
        for (String[] c : new String[][] {{"qjp-pulou-chengnan", "qjp-pulou"}, {"qjp-pulou-hebin", "qjp-pulou"},
                {"qjp-changxi-huaihai", "qjp-changxi"}, {"qjp-changxi-shuidu", "qjp-changxi"}}) {
            TestArea.known(mongo, new Community(c[0], c[0], c[1], "/qjp/" + c[1] + "/" + c[0], false, 1));
        }
        String token = TestTokens.user("00000000-0000-4000-8000-000000000009")
                .roles("district_admin", "platform_admin").orgPath("/qjp").expiresIn(java.time.Duration.ofMinutes(10))
                .token();
        Path launcher = Files.createTempFile("grassroots", ".sh");
        Files.writeString(launcher, "#!/bin/sh\necho " + token + "\n");
        launcher.toFile().setExecutable(true);

        assertThat(run(launcher)).contains("\"created\":48").contains("gridworker1 assigned");
        assertThat(run(launcher)).contains("\"unchanged\":48").doesNotContain("gridworker1 assigned");

        RestTestClient client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        client.get().uri("/api/grids/locate?lon=119.0213&lat=33.6012").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.code").isEqualTo("32081200100100101")
                .jsonPath("$.name").isEqualTo("城南社区第一网格第1微网格")
                .jsonPath("$.ancestors[0].name").isEqualTo("城南社区第一网格")
                .jsonPath("$.orgPath").isEqualTo("/qjp/qjp-pulou/qjp-pulou-chengnan");
        client.get().uri("/api/households/paired-with/00000000-0000-4000-8000-000000000008")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(3).jsonPath("$.totalItems").isEqualTo(3);
    }

    private String run(Path launcher) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", "../deploy/local/demo/20-grid.sh").redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", "http://localhost:" + port);
        builder.environment().put("GRASSROOTS", launcher.toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
