package org.grassroots.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class RealmRoleAuthoritiesConverterTest {

    private final RealmRoleAuthoritiesConverter converter = new RealmRoleAuthoritiesConverter();

    @Test
    void givenKeycloakRealmRoles_whenConverted_thenEachBecomesARoleAuthority() {
        Jwt token = token(Map.of("roles", List.of("grid_worker", "party_member")));

        assertThat(converter.convert(token))
                .extracting(GrantedAuthority::getAuthority)
                .containsExactly("ROLE_grid_worker", "ROLE_party_member");
    }

    @Test
    void givenNoRealmAccessClaim_whenConverted_thenThereAreNoAuthorities() {
        Jwt token = Jwt.withTokenValue("token").header("alg", "RS256").subject("resident-1").build();

        assertThat(converter.convert(token)).isEmpty();
    }

    @Test
    void givenRealmAccessWithoutRoles_whenConverted_thenThereAreNoAuthorities() {
        assertThat(converter.convert(token(Map.of()))).isEmpty();
    }

    private static Jwt token(Map<String, Object> realmAccess) {
        return Jwt.withTokenValue("token")
                .header("alg", "RS256")
                .subject("resident-1")
                .claim(RealmRoleAuthoritiesConverter.REALM_ACCESS_CLAIM, realmAccess)
                .build();
    }
}
