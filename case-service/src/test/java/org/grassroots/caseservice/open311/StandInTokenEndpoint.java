package org.grassroots.caseservice.open311;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.grassroots.testsupport.TestTokens;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Keycloak's token endpoint ({@code POST …/protocol/openid-connect/token}) with the
 * client-credentials grant, as the realm answers it: a client authenticated by HTTP Basic with its
 * id and secret gets a token of its service account (signed by the tests' realm key, so case-service
 * verifies it as it would Keycloak's), carrying the realm roles and {@code org_path} the realm file
 * gives that client; a wrong secret or unknown client gets 401 {@code invalid_client}. It counts
 * the calls and can be taken down (503).
 */
final class StandInTokenEndpoint implements AutoCloseable {

    static final String PATH = "/realms/grassroots/protocol/openid-connect/token";

    private record Client(String secret, String[] roles, String orgPath) {
    }

    private final HttpServer server;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicBoolean down = new AtomicBoolean();

    StandInTokenEndpoint() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext(PATH, this::token);
        server.start();
    }

    /** A confidential client of the realm, with its service account's realm roles and org path. */
    StandInTokenEndpoint client(String clientId, String secret, String orgPath, String... roles) {
        clients.put(clientId, new Client(secret, roles, orgPath));
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    int calls() {
        return calls.get();
    }

    void reset() {
        calls.set(0);
        down.set(false);
    }

    void down(boolean isDown) {
        down.set(isDown);
    }

    private void token(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (down.get()) {
                answer(exchange, 503, "{\"error\": \"temporarily_unavailable\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()) || !body.contains("grant_type=client_credentials")) {
                answer(exchange, 400, "{\"error\": \"unsupported_grant_type\"}");
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String[] credentials = basic(authorization);
            Client client = credentials == null ? null : clients.get(credentials[0]);
            if (client == null || !client.secret().equals(credentials[1])) {
                answer(exchange, 401, "{\"error\": \"invalid_client\", \"error_description\": \"Invalid client or Invalid client credentials\"}");
                return;
            }
            String token = TestTokens.user("service-account-" + credentials[0]).client(credentials[0])
                    .roles(client.roles()).orgPath(client.orgPath()).claim("client_id", credentials[0])
                    .withoutUsername().expiresIn(Duration.ofMinutes(15)).token();
            answer(exchange, 200, "{\"access_token\": \"" + token + "\", \"expires_in\": 900, "
                    + "\"token_type\": \"Bearer\", \"not-before-policy\": 0, \"scope\": \"profile email\"}");
        }
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
