package org.grassroots.caseservice.open311;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.grassroots.platform.security.Caller;
import org.grassroots.platform.security.KeycloakClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311's API keys, one per client system, each the credentials of a confidential Keycloak client
 * written as {@code <client id>:<client secret>}. A key is exchanged with Keycloak's client-credentials
 * grant at the realm's token endpoint; Keycloak says whether it is valid (so no secret lives in the
 * code or the configuration), and the token it issues is checked like any other (issuer, signature,
 * audience) and must carry the realm role {@code open311_client}. The client's service account is
 * then the reporter of its requests, and its {@code org_path} the area that holds what cannot be
 * located. An exchanged key is remembered (by its SHA-256, never in clear) for {@code key-recheck}
 * (two minutes) or until a minute before its token expires, whichever comes first, so Keycloak sees
 * one call per client every two minutes and a revoked key stops working within them; a refused key is
 * remembered for a minute, so a client retrying a wrong key does not reach Keycloak each time.
 */
@Component
@EnableConfigurationProperties(Open311Properties.class)
public class ApiKeys {

    static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);
    static final Duration REMEMBER_REFUSAL = Duration.ofMinutes(1);
    private static final Logger log = LoggerFactory.getLogger(ApiKeys.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Open311Properties settings;
    private final URI tokenUri;
    private final JwtDecoder tokens;
    private final Clock clock;
    private final HttpClient http;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Open311Client client, Instant until) {
    }

    ApiKeys(Open311Properties settings, JwtDecoder tokens, Clock clock,
            @Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri:}") String jwkSetUri) {
        this.settings = settings;
        this.tokenUri = settings.tokenUri() != null ? URI.create(settings.tokenUri()) : tokenEndpointBeside(jwkSetUri);
        this.tokens = tokens;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.keyTimeout()).build();
    }

    /** Keycloak's token endpoint next to its key set: {@code …/protocol/openid-connect/certs} → {@code …/token}. */
    static URI tokenEndpointBeside(String jwkSetUri) {
        if (jwkSetUri == null || !jwkSetUri.endsWith("/certs")) {
            throw new IllegalStateException("grassroots.open311.token-uri is not set and cannot be derived from the "
                    + "key set address '" + jwkSetUri + "'");
        }
        return URI.create(jwkSetUri.substring(0, jwkSetUri.length() - "certs".length()) + "token");
    }

    public URI tokenUri() {
        return tokenUri;
    }

    /**
     * The client system an API key belongs to.
     *
     * @throws Open311Exception 403 when the key is missing, malformed, refused by Keycloak or not an
     *                          Open311 client's; 503 when Keycloak cannot be asked
     */
    public Open311Client authenticate(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw Open311Exception.forbidden("api_key is required to create a service request");
        }
        String digest = digest(apiKey.strip());
        Instant now = clock.instant();
        Remembered known = remembered.get(digest);
        if (known != null && known.until().isAfter(now)) {
            if (known.client() == null) {
                throw invalidKey();
            }
            return known.client();
        }
        try {
            Open311Client client = exchange(apiKey.strip());
            remember(digest, new Remembered(client, trustedUntil(client.expiresAt(), now, settings.keyRecheck())));
            return client;
        } catch (Open311Exception refused) {
            if (refused.status() == 403) {
                remember(digest, new Remembered(null, now.plus(REMEMBER_REFUSAL)));
            }
            throw refused;
        }
    }

    /** Until when an exchanged key is trusted without asking Keycloak: the recheck, or shortly before its token expires. */
    static Instant trustedUntil(Instant tokenExpiresAt, Instant now, Duration recheck) {
        Instant renewal = tokenExpiresAt.minus(RENEW_BEFORE_EXPIRY);
        Instant asked = now.plus(recheck);
        return asked.isBefore(renewal) ? asked : renewal;
    }

    /** Forgets every exchanged key, e.g. after a client's secret was changed in Keycloak. */
    public void forgetAll() {
        remembered.clear();
    }

    private Open311Client exchange(String apiKey) {
        int colon = apiKey.indexOf(':');
        if (colon < 1 || colon == apiKey.length() - 1) {
            throw invalidKey();
        }
        String clientId = apiKey.substring(0, colon);
        String secret = apiKey.substring(colon + 1);
        // RFC 6749 2.3.1: both parts form-encoded, then HTTP Basic.
        String basic = Base64.getEncoder().encodeToString((form(clientId) + ":" + form(secret))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(tokenUri)
                .timeout(settings.keyTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            log.warn("Open311: Keycloak's token endpoint cannot be reached: {}", unreachable.toString());
            throw keysUnavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw keysUnavailable();
        }
        if (response.statusCode() == 400 || response.statusCode() == 401) {
            log.info("Open311: Keycloak refused the API key of client {}", clientId);
            throw invalidKey();
        }
        if (response.statusCode() != 200) {
            log.warn("Open311: Keycloak's token endpoint answered {}", response.statusCode());
            throw keysUnavailable();
        }
        JsonNode accessToken = JSON.readTree(response.body()).path("access_token");
        String token = accessToken.isString() ? accessToken.asString() : null;
        if (token == null) {
            throw keysUnavailable();
        }
        Jwt jwt;
        try {
            jwt = tokens.decode(token);
        } catch (JwtException unusable) {
            log.warn("Open311: the token issued to client {} does not pass the checks: {}", clientId,
                    unusable.getMessage());
            throw invalidKey();
        }
        Caller caller = KeycloakClaims.caller(jwt);
        if (!caller.hasRole(settings.clientRole())) {
            throw Open311Exception.forbidden("api_key belongs to a client that may not file Open311 service requests");
        }
        Instant expiresAt = jwt.getExpiresAt() != null ? jwt.getExpiresAt() : clock.instant().plus(Duration.ofMinutes(5));
        return new Open311Client(clientId, token, caller, expiresAt);
    }

    private void remember(String digest, Remembered entry) {
        if (remembered.size() >= settings.cachedKeys()) {
            Instant now = clock.instant();
            remembered.values().removeIf(each -> !each.until().isAfter(now));
            if (remembered.size() >= settings.cachedKeys()) {
                remembered.clear();
            }
        }
        remembered.put(digest, entry);
    }

    private static Open311Exception invalidKey() {
        return Open311Exception.forbidden("Invalid api_key received -- can't proceed with create_request");
    }

    private static Open311Exception keysUnavailable() {
        return new Open311Exception(503, "API keys cannot be checked right now; try again later");
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String digest(String apiKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(apiKey.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
