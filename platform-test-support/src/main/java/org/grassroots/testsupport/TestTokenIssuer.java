package org.grassroots.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the Keycloak realm {@code grassroots}: one RSA key pair for the whole JVM and a
 * small HTTP server that publishes its public half the way Keycloak does, so a service under test
 * validates {@link TestTokens} exactly as it would validate real ones.
 *
 * <ul>
 *   <li>JWKS: {@code <issuer>/protocol/openid-connect/certs}</li>
 *   <li>discovery: {@code <issuer>/.well-known/openid-configuration}</li>
 * </ul>
 *
 * Started on first use; its threads are daemons, so it never keeps a JVM alive.
 */
public final class TestTokenIssuer {

    /** The {@code kid} of the realm's key; the stranger key reuses it to look legitimate. */
    static final String KEY_ID = "grassroots-test-rs256";

    private static final String REALM_PATH = "/realms/grassroots";

    private static final String CERTS_PATH = REALM_PATH + "/protocol/openid-connect/certs";

    private static final String DISCOVERY_PATH = REALM_PATH + "/.well-known/openid-configuration";

    private static TestTokenIssuer running;

    private static RSAKey strangerKey;

    private final RSAKey signingKey;

    private final String issuer;

    private TestTokenIssuer(RSAKey signingKey, String issuer) {
        this.signingKey = signingKey;
        this.issuer = issuer;
    }

    /** {@code http://127.0.0.1:<port>/realms/grassroots}, the {@code iss} of every test token. */
    public static String issuer() {
        return running().issuer;
    }

    /** Where the realm's public key is published, for {@code jwk-set-uri}. */
    public static String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    static RSAKey signingKey() {
        return running().signingKey;
    }

    /** A key the realm never published, under the realm's own {@code kid}. */
    static synchronized RSAKey strangerKey() {
        if (strangerKey == null) {
            strangerKey = generateKey();
        }
        return strangerKey;
    }

    private static synchronized TestTokenIssuer running() {
        if (running == null) {
            running = start();
        }
        return running;
    }

    private static TestTokenIssuer start() {
        RSAKey key = generateKey();
        HttpServer server = startServerOnDaemonThread();
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
        String jwks = new JWKSet(key).toPublicJWKSet().toString();
        String discovery = JSONObjectUtils.toJSONString(discoveryDocument(issuer));
        server.createContext(CERTS_PATH, exchange -> respond(exchange, CERTS_PATH, jwks));
        server.createContext(DISCOVERY_PATH, exchange -> respond(exchange, DISCOVERY_PATH, discovery));
        return new TestTokenIssuer(key, issuer);
    }

    private static RSAKey generateKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(KEY_ID)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not generate the test realm's RSA key", ex);
        }
    }

    /**
     * The JDK server's dispatcher thread inherits its daemon flag from the thread that starts it;
     * started from the test thread it would be a non-daemon and keep the JVM from exiting.
     */
    private static HttpServer startServerOnDaemonThread() {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                HttpServer server = HttpServer.create(
                        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
                server.start();
                result.set(server);
            }
            catch (IOException | RuntimeException ex) {
                result.set(ex);
            }
        }, "test-token-issuer-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the test token issuer", ex);
        }
        if (result.get() instanceof HttpServer server) {
            return server;
        }
        if (result.get() instanceof IOException ex) {
            throw new UncheckedIOException("Could not start the test token issuer", ex);
        }
        throw new IllegalStateException("Could not start the test token issuer", (Throwable) result.get());
    }

    private static Map<String, Object> discoveryDocument(String issuer) {
        String endpoints = issuer + "/protocol/openid-connect";
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("issuer", issuer);
        document.put("authorization_endpoint", endpoints + "/auth");
        document.put("token_endpoint", endpoints + "/token");
        document.put("userinfo_endpoint", endpoints + "/userinfo");
        document.put("jwks_uri", endpoints + "/certs");
        document.put("grant_types_supported", List.of("authorization_code", "client_credentials", "refresh_token"));
        document.put("response_types_supported", List.of("code"));
        document.put("subject_types_supported", List.of("public"));
        document.put("id_token_signing_alg_values_supported", List.of("RS256"));
        document.put("scopes_supported", List.of("openid", "profile", "email"));
        return document;
    }

    private static void respond(HttpExchange exchange, String path, String json) throws IOException {
        try (exchange) {
            // createContext matches by prefix; only the exact path is the document.
            if (!exchange.getRequestURI().getPath().equals(path)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if ("HEAD".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
