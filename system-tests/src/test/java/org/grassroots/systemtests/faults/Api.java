package org.grassroots.systemtests.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.grassroots.testsupport.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs as the suite calls them, straight at each service (no gateway), with
 * tokens of the test issuer shaped like the demo users' Keycloak tokens.
 */
final class Api {

    static final String CHENGNAN = "qjp-pulou-chengnan";
    static final String CHENGNAN_PATH = "/qjp/qjp-pulou/" + CHENGNAN;
    static final String PARTYMEMBER_1 = "00000000-0000-4000-8000-000000000008";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration LIFETIME = Duration.ofHours(2);

    static final String ADMIN = TestTokens.user("00000000-0000-4000-8000-000000000010").username("admin")
            .roles("district_admin", "platform_admin").orgPath("/qjp").expiresIn(LIFETIME).bearer();
    static final String RESIDENT = TestTokens.resident("00000000-0000-4000-8000-000000000001", CHENGNAN_PATH)
            .username("resident1").expiresIn(LIFETIME).bearer();
    static final String DISPATCHER = TestTokens.staff("00000000-0000-4000-8000-000000000004", "community_staff",
            CHENGNAN_PATH).username("dispatcher1").expiresIn(LIFETIME).bearer();
    static final String MEMBER = TestTokens.user(PARTYMEMBER_1).username("partymember1")
            .roles("party_member", "volunteer").orgPath(CHENGNAN_PATH).expiresIn(LIFETIME).bearer();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Answer(int status, JsonNode body, String text) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        Answer expectOk(String what) {
            if (!ok()) {
                throw new AssertionError(what + " answered " + status + ": " + text);
            }
            return this;
        }
    }

    Answer get(ServiceProcess service, String path, String bearer) {
        return send(service, HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET(), bearer);
    }

    Answer post(ServiceProcess service, String path, String bearer, String json) {
        return send(service, HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), bearer);
    }

    Answer put(ServiceProcess service, String path, String bearer, String json) {
        return send(service, HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), bearer);
    }

    Answer postFile(ServiceProcess service, String path, String bearer, Path file) {
        try {
            return send(service, HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofFile(file)), bearer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer send(ServiceProcess service, HttpRequest.Builder request, String bearer) {
        request.header("Authorization", bearer).timeout(Duration.ofSeconds(90));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() || !(text.startsWith("{") || text.startsWith("["))
                    ? null : JSON.readTree(text);
            return new Answer(response.statusCode(), body, text);
        } catch (IOException e) {
            throw new UncheckedIOException(service.name() + " did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
