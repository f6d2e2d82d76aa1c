package org.grassroots.systemtests.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole platform as a newcomer starts it, with {@code ./grassroots up}: a real Kafka broker,
 * the file-backed store, real Keycloak with the grassroots realm, and the six applications, each
 * in its own process. It runs on ports of its own and keeps its data under {@code target/}, so it
 * never meets a platform a developer has running.
 */
final class LocalPlatform {

    static final int KAFKA_PORT = 19092;
    static final int KEYCLOAK_PORT = 18180;
    static final int GATEWAY_PORT = 18080;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path checkout;
    private final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    LocalPlatform(Path checkout, Path dataDir) {
        this.checkout = checkout;
        this.dataDir = dataDir;
    }

    static LocalPlatform forThisCheckout() {
        Path module = Path.of("").toAbsolutePath();
        Path checkout = Files.exists(module.resolve("grassroots")) ? module : module.getParent();
        return new LocalPlatform(checkout, module.resolve("target/e2e-platform"));
    }

    void up() {
        run(Duration.ofMinutes(12), "up", "--fresh", "--detach");
    }

    void down() {
        // A fresh clone's first platform records its start-up caches, which the JVMs write as they
        // stop: that down takes about 46 s on a quiet 2-core machine, against 10.
        run(Duration.ofMinutes(4), "down");
    }

    String gatewayUrl() {
        return "http://localhost:" + GATEWAY_PORT;
    }

    String keycloakUrl() {
        return "http://localhost:" + KEYCLOAK_PORT;
    }

    Path checkout() {
        return checkout;
    }

    String kafkaBootstrapServers() {
        return "localhost:" + KAFKA_PORT;
    }

    /** A real access token from Keycloak for a demo user, by the dev client's password grant. */
    String token(String username) {
        return requestToken(username, "grant_type=password&client_id=grassroots-dev&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo");
    }

    /**
     * A real access token for a department's own system, by the client-credentials grant of its
     * confidential client (dev secret {@code dev-<client>-secret}, as docs/department-integration.md says).
     */
    String clientToken(String clientId) {
        return requestToken(clientId, "grant_type=client_credentials&client_id="
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode("dev-" + clientId + "-secret", StandardCharsets.UTF_8));
    }

    private String requestToken(String who, String form) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + KEYCLOAK_PORT + "/realms/grassroots/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + who + ": " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GRASSROOTS_DATA_DIR", dataDir.toString());
        env.put("KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("KAFKA_CONTROLLER_PORT", "19093");
        env.put("MONGODB_PORT", "27117");
        env.put("KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        env.put("GATEWAY_PORT", String.valueOf(GATEWAY_PORT));
        env.put("ORG_SERVICE_PORT", "18081");
        env.put("GRID_SERVICE_PORT", "18082");
        env.put("CASE_SERVICE_PORT", "18083");
        env.put("VOLUNTEER_SERVICE_PORT", "18084");
        env.put("EVALUATION_SERVICE_PORT", "18085");
        // Keycloak's first start in a fresh data folder can take minutes on a 2-core machine busy with
        // other builds; a test waits longer for it than a person at a terminal would.
        env.put("GRASSROOTS_READY_TIMEOUT_FACTOR", System.getenv().getOrDefault("GRASSROOTS_READY_TIMEOUT_FACTOR", "3"));
        return env;
    }

    private void run(Duration timeout, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(checkout.resolve("grassroots").toString()));
        command.addAll(List.of(args));
        File log = dataDir.resolveSibling("e2e-launcher.log").toFile();
        try {
            Files.createDirectories(dataDir.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
            builder.environment().putAll(environment());
            Process process = builder.start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroy();
                throw new IllegalStateException("./grassroots " + String.join(" ", args) + " did not finish within "
                        + timeout + "; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("./grassroots " + String.join(" ", args) + " failed with exit code "
                        + process.exitValue() + ":\n" + tail(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
