package org.grassroots.systemtests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The browser walks in {@code web/e2e/*.test.mjs} (one file per walk: the console's, the phone
 * pages'), each run with Node's test runner against the shared platform: Debian's Chromium driven
 * by playwright-core, signing in on Keycloak's real login page. Each walk is one test here; its
 * output is kept in {@code target/e2e-browser-<walk>.log} and its screenshots in
 * {@code target/e2e-screenshots/<walk>/}. A new walk file is picked up without touching this class.
 */
@Order(2)
@ExtendWith(SharedLocalPlatform.class)
class BrowserWalksE2EIT {

    private static final long WALK_TIMEOUT_MINUTES = 15;

    @TestFactory
    Stream<DynamicTest> givenTheLocalPlatform_whenEveryWalkInWebE2eRuns_thenEachPasses() throws IOException {
        LocalPlatform platform = SharedLocalPlatform.get();
        Path web = platform.checkout().resolve("web");
        List<Path> walks;
        try (Stream<Path> files = Files.list(web.resolve("e2e"))) {
            walks = files.filter(file -> file.getFileName().toString().endsWith(".test.mjs")).sorted().toList();
        }
        assertThat(walks).as("browser walks in web/e2e").isNotEmpty();
        assertThat(Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium")))
                .as("Debian's Chromium (.ci/run installs it)").isExecutable();
        return walks.stream().map(walk -> DynamicTest.dynamicTest(walk.getFileName().toString(),
                () -> run(platform, web, walk)));
    }

    private static void run(LocalPlatform platform, Path web, Path walk) throws IOException, InterruptedException {
        Path target = Path.of("target").toAbsolutePath();
        String name = walk.getFileName().toString().replace(".test.mjs", "");
        Path log = target.resolve("e2e-browser-" + name + ".log");
        Files.createDirectories(target);
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-concurrency=1", "--test-reporter=spec",
                web.relativize(walk).toString())
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        node.environment().put("GATEWAY_URL", platform.gatewayUrl());
        node.environment().put("KEYCLOAK_URL", platform.keycloakUrl());
        node.environment().put("SCREENSHOT_DIR", target.resolve("e2e-screenshots").toString());
        long started = System.nanoTime();
        Process process = node.start();
        if (!process.waitFor(WALK_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not finish within " + WALK_TIMEOUT_MINUTES + " minutes; see " + log);
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        String output = Files.readString(log);
        System.out.println("browser walk " + name + ": exit " + process.exitValue() + " in " + seconds + " s\n" + output);
        assertThat(process.exitValue()).as("browser walk %s (log %s):%n%s", name, log, tail(output)).isZero();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
