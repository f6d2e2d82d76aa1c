package org.grassroots.volunteerservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code deploy/local/demo/40-volunteer.sh} run against the service itself, with a stand-in
 * launcher handing out the demo users' tokens: it loads the story, and a second run changes nothing.
 */
@ServiceIntegrationTest
class DemoLoaderIT {

    static final Path LOADER = Path.of("..", "deploy", "local", "demo", "40-volunteer.sh");
    static final String PARTYMEMBER1 = "00000000-0000-4000-8000-000000000008";
    static final Map<String, TestTokens> DEMO_USERS = Map.of(
            "dispatcher1", TestTokens.staff("00000000-0000-4000-8000-000000000004", "community_staff", Api.CHENGNAN),
            "partymember1", TestTokens.user(PARTYMEMBER1).roles("party_member", "volunteer").orgPath(Api.CHENGNAN),
            "resident1", TestTokens.resident("00000000-0000-4000-8000-000000000001", Api.CHENGNAN));

    @LocalServerPort
    int port;

    @TempDir
    Path launcherDir;

    @Test
    void givenTheVolunteerLoader_whenRunTwice_thenTheStoryIsLoadedOnceAndPartymember1HasHoursAndPoints()
            throws Exception {
        Path launcher = standInLauncher();

        String first = run(launcher);
        String second = run(launcher);

        assertThat(first).contains("activity completed", "micro-wish fulfilled", "dual registration accepted");
        assertThat(second).isEqualTo("volunteer demo data loaded\n");
        Api api = new Api(port);
        String member = DEMO_USERS.get("partymember1").bearer();
        api.get("/api/points/me", member).expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(8).jsonPath("$.entries.length()").isEqualTo(2);
        api.get("/api/timebank/accounts/me", member).expectStatus().isOk()
                .expectBody().jsonPath("$.minutes").isEqualTo(180);
        api.get("/api/registrations/mine", member).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].status").isEqualTo("ACCEPTED");
        api.get("/api/points/members/00000000-0000-4000-8000-000000000003", DEMO_USERS.get("dispatcher1").bearer())
                .expectStatus().isOk().expectBody().jsonPath("$.balance").isEqualTo(5);
    }

    /** Answers {@code <launcher> token <user>} from files, as {@code ./grassroots token} does from Keycloak. */
    private Path standInLauncher() throws IOException {
        for (Map.Entry<String, TestTokens> user : DEMO_USERS.entrySet()) {
            String token = user.getValue().expiresIn(Duration.ofMinutes(30)).token();
            Files.writeString(launcherDir.resolve(user.getKey() + ".token"), token);
        }
        Path launcher = launcherDir.resolve("grassroots");
        Files.writeString(launcher, "#!/usr/bin/env bash\n[[ $1 == token ]] && cat \"" + launcherDir + "/$2.token\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }

    private String run(Path launcher) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("bash", LOADER.toString()).redirectErrorStream(true);
        builder.environment().put("GATEWAY_URL", "http://localhost:" + port);
        builder.environment().put("GRASSROOTS", launcher.toString());
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("loader finished").isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
