package org.grassroots.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestTokensTest {

    private final JwtDecoder decoder = decoderFromJwkSetUri();

    @Test
    void givenAMintedToken_whenDecoded_thenItValidatesAgainstThePublishedKeyAndCarriesItsClaims() {
        String token = TestTokens.user("u-17")
                .username("wang.fang")
                .roles("community_staff", "party_member")
                .orgPath("/district-1/street-2/community-3")
                .departmentId("dept-housing")
                .claim("locale", "zh-CN")
                .token();

        Jwt jwt = decoder.decode(token);

        assertThat(jwt.getSubject()).isEqualTo("u-17");
        assertThat(jwt.getIssuer()).hasToString(TestTokenIssuer.issuer());
        assertThat(jwt.getAudience()).containsExactly("grassroots");
        assertThat(jwt.getClaimAsString("preferred_username")).isEqualTo("wang.fang");
        assertThat(jwt.getClaimAsString("org_path")).isEqualTo("/district-1/street-2/community-3");
        assertThat(jwt.getClaimAsString("department_id")).isEqualTo("dept-housing");
        assertThat(jwt.getClaimAsString("locale")).isEqualTo("zh-CN");
        assertThat(jwt.getClaimAsMap("realm_access")).containsEntry("roles", List.of("community_staff", "party_member"));
        assertThat(jwt.getClaimAsString("typ")).isEqualTo("Bearer");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("grassroots-web");
        assertThat(jwt.getId()).isNotBlank();
        assertThat(jwt.getHeaders()).containsEntry("kid", TestTokenIssuer.KEY_ID);
        assertThat(jwt.getExpiresAt()).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
    }

    @Test
    void givenAPreset_whenATokenIsMinted_thenTheRoleAndScopeClaimsAreFilled() {
        Jwt resident = decoder.decode(TestTokens.resident("resident-1", "/d/s/c").token());
        Jwt department = decoder.decode(TestTokens.departmentStaff("clerk-1", "dept-7", "/d").token());

        assertThat(resident.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("resident")));
        assertThat(resident.getClaimAsString("org_path")).isEqualTo("/d/s/c");
        assertThat(resident.getClaimAsString("preferred_username")).isEqualTo("resident-1");
        assertThat(department.getClaimAsMap("realm_access")).isEqualTo(Map.of("roles", List.of("department_staff")));
        assertThat(department.getClaimAsString("department_id")).isEqualTo("dept-7");
    }

    @Test
    void givenAChosenAudienceAndLifetime_whenATokenIsMinted_thenItCarriesThem() {
        Jwt jwt = decoder.decode(TestTokens.user("svc").audience("case-service", "grassroots")
                .expiresIn(Duration.ofHours(1)).token());

        assertThat(jwt.getAudience()).containsExactly("case-service", "grassroots");
        assertThat(jwt.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(59)));
    }

    @Test
    void givenAToken_whenAskedForBearer_thenItIsPrefixedForAnAuthorizationHeader() {
        String bearer = TestTokens.user("u-1").bearer();

        assertThat(bearer).startsWith("Bearer ");
        assertThat(decoder.decode(bearer.substring("Bearer ".length())).getSubject()).isEqualTo("u-1");
    }

    @Test
    void givenAnExpiredToken_whenDecoded_thenItIsRejected() {
        String token = TestTokens.user("u-17").expired().token();

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("expired");
    }

    @Test
    void givenATokenSignedByAStrangerKeyUnderTheRealmKid_whenDecoded_thenItIsRejected() {
        String token = TestTokens.user("u-17").signedByStrangerKey().token();

        assertThatThrownBy(() -> decoder.decode(token)).isInstanceOf(JwtException.class);
    }

    @Test
    void givenATokenFromAnotherIssuer_whenDecoded_thenItIsRejected() {
        String token = TestTokens.user("u-17").issuer("http://127.0.0.1:1/realms/elsewhere").token();

        assertThatThrownBy(() -> decoder.decode(token))
                .isInstanceOf(JwtException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void givenTheIssuerAlone_whenADecoderIsBuiltFromItsDiscoveryDocument_thenItDecodesTokens() {
        JwtDecoder fromIssuer = JwtDecoders.fromIssuerLocation(TestTokenIssuer.issuer());

        assertThat(fromIssuer.decode(TestTokens.user("u-2").token()).getSubject()).isEqualTo("u-2");
        assertThat(TestTokenIssuer.jwkSetUri())
                .isEqualTo(TestTokenIssuer.issuer() + "/protocol/openid-connect/certs")
                .startsWith("http://127.0.0.1:");
    }

    private static JwtDecoder decoderFromJwkSetUri() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(TestTokenIssuer.jwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(TestTokenIssuer.issuer()));
        return decoder;
    }
}
