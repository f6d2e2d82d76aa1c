package org.grassroots.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/**
 * Access tokens shaped like the ones Keycloak issues for the realm {@code grassroots}, signed by
 * {@link TestTokenIssuer}.
 *
 * <pre>{@code
 * String bearer = TestTokens.user("u-17").roles("community_staff").orgPath("/d1/s2/c3").bearer();
 * String expired = TestTokens.resident("resident-1", "/d1/s2/c3").expired().token();
 * }</pre>
 *
 * Claims: {@code iss}, {@code sub}, {@code aud} (default {@value #DEFAULT_AUDIENCE}), {@code exp},
 * {@code iat}, {@code jti}, {@code typ=Bearer}, {@code azp} (default {@value #DEFAULT_CLIENT}),
 * {@code scope}, {@code preferred_username} (default: the subject), {@code realm_access.roles},
 * and {@code org_path} / {@code department_id} when set. {@link #claim} sets any other claim or
 * overrides one of these. Each call of {@link #token()} signs a new token (new {@code jti} and
 * {@code iat}).
 */
public final class TestTokens {

    public static final String DEFAULT_AUDIENCE = "grassroots";

    /** The front-end client as Keycloak names it in {@code azp}. */
    public static final String DEFAULT_CLIENT = "grassroots-web";

    private static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);

    /**
     * How far in the past an {@link #expired()} token ran out: well beyond the 60 s clock skew
     * that Spring Security tolerates.
     */
    private static final Duration EXPIRED_AGO = Duration.ofMinutes(10);

    private final String subject;

    private final Set<String> roles = new LinkedHashSet<>();

    private final Map<String, Object> extraClaims = new LinkedHashMap<>();

    private String username;

    private String orgPath;

    private String departmentId;

    private List<String> audience = List.of(DEFAULT_AUDIENCE);

    private Duration lifetime = DEFAULT_LIFETIME;

    private boolean expired;

    private boolean strangerKey;

    private String issuer;

    private String client = DEFAULT_CLIENT;

    private boolean unsigned;

    private TestTokens(String subject) {
        this.subject = Objects.requireNonNull(subject, "subject");
    }

    /** A token for the user with this {@code sub} and no roles yet. */
    public static TestTokens user(String subject) {
        return new TestTokens(subject);
    }

    /** A resident living under {@code orgPath}. */
    public static TestTokens resident(String subject, String orgPath) {
        return user(subject).roles("resident").orgPath(orgPath);
    }

    /** Staff with one realm role (e.g. {@code grid_worker}, {@code community_staff}) at {@code orgPath}. */
    public static TestTokens staff(String subject, String realmRole, String orgPath) {
        return user(subject).roles(realmRole).orgPath(orgPath);
    }

    /** Department staff who see what is dispatched to {@code departmentId}. */
    public static TestTokens departmentStaff(String subject, String departmentId, String orgPath) {
        return user(subject).roles("department_staff").departmentId(departmentId).orgPath(orgPath);
    }

    /**
     * A department's own system, as Keycloak issues its token through the client-credentials grant
     * of the confidential client {@code clientId} (e.g. {@code dept-urban-system}): the subject is the
     * client's service-account user, {@code azp} and {@code client_id} name the client, the realm
     * role is {@code department_staff} and {@code department_id} comes from the client's hardcoded
     * claim. Unlike a person's token there is no {@code preferred_username}.
     */
    public static TestTokens departmentSystem(String clientId, String departmentId) {
        return user("service-account-" + clientId).client(clientId).roles("department_staff")
                .departmentId(departmentId).claim("client_id", clientId).withoutUsername();
    }

    /** {@code azp}: the client the token was issued to (default {@value #DEFAULT_CLIENT}). */
    public TestTokens client(String clientId) {
        this.client = clientId;
        return this;
    }

    /** No {@code preferred_username} claim at all, as for a service account. */
    public TestTokens withoutUsername() {
        extraClaims.put("preferred_username", null);
        return this;
    }

    /**
     * An unsecured JWT ({@code alg: none}, no signature) with the same claims, as an attacker would
     * send; a resource server must reject it.
     */
    public TestTokens unsigned() {
        this.unsigned = true;
        return this;
    }

    /** {@code preferred_username}; defaults to the subject. */
    public TestTokens username(String username) {
        this.username = username;
        return this;
    }

    /** Adds realm roles ({@code realm_access.roles}). */
    public TestTokens roles(String... realmRoles) {
        roles.addAll(List.of(realmRoles));
        return this;
    }

    /** The user's place in the organisation tree ({@code org_path}). */
    public TestTokens orgPath(String orgPath) {
        this.orgPath = orgPath;
        return this;
    }

    /** {@code department_id}, for department staff. */
    public TestTokens departmentId(String departmentId) {
        this.departmentId = departmentId;
        return this;
    }

    /** Sets any claim; applied last, so it also overrides the standard ones. */
    public TestTokens claim(String name, Object value) {
        extraClaims.put(name, value);
        return this;
    }

    /** Replaces the audience (default {@value #DEFAULT_AUDIENCE}). */
    public TestTokens audience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    /** Lifetime from now (default 5 minutes). */
    public TestTokens expiresIn(Duration lifetime) {
        this.lifetime = lifetime;
        this.expired = false;
        return this;
    }

    /** A token whose {@code exp} lies in the past; a resource server must reject it. */
    public TestTokens expired() {
        this.expired = true;
        return this;
    }

    /**
     * Signs with a key the realm never published but under the realm's {@code kid}, as a forger
     * would; a resource server must reject it.
     */
    public TestTokens signedByStrangerKey() {
        this.strangerKey = true;
        return this;
    }

    /** Overrides {@code iss} (default {@link TestTokenIssuer#issuer()}). */
    public TestTokens issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    /** The signed, serialised JWT. */
    public String token() {
        if (unsigned) {
            return new PlainJWT(claims()).serialize();
        }
        RSAKey key = strangerKey ? TestTokenIssuer.strangerKey() : TestTokenIssuer.signingKey();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        SignedJWT jwt = new SignedJWT(header, claims());
        try {
            jwt.sign(new RSASSASigner(key));
        }
        catch (JOSEException ex) {
            throw new IllegalStateException("Could not sign the test token", ex);
        }
        return jwt.serialize();
    }

    /** {@code "Bearer " + token()}, for an {@code Authorization} header. */
    public String bearer() {
        return "Bearer " + token();
    }

    private JWTClaimsSet claims() {
        // Whole seconds, as in a real token: Spring compares with second precision.
        Instant now = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        Instant issuedAt = expired ? now.minus(EXPIRED_AGO).minus(lifetime) : now;
        Instant expiresAt = expired ? now.minus(EXPIRED_AGO) : now.plus(lifetime);

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer != null ? issuer : TestTokenIssuer.issuer())
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(issuedAt))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .claim("typ", "Bearer")
                .claim("azp", client)
                .claim("scope", "openid profile email")
                .claim("preferred_username", username != null ? username : subject)
                .claim("realm_access", Map.of("roles", new ArrayList<>(roles)));
        if (orgPath != null) {
            claims.claim("org_path", orgPath);
        }
        if (departmentId != null) {
            claims.claim("department_id", departmentId);
        }
        extraClaims.forEach(claims::claim);
        return claims.build();
    }
}
