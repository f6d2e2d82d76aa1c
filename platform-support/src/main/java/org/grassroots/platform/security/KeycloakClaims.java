package org.grassroots.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the claims Keycloak puts into a Grassroots access token. */
public final class KeycloakClaims {

    public static final String REALM_ACCESS = "realm_access";
    public static final String ORG_PATH = "org_path";
    public static final String DEPARTMENT_ID = "department_id";
    public static final String USERNAME = "preferred_username";

    private KeycloakClaims() {
    }

    public static Set<String> realmRoles(Jwt jwt) {
        Object realmAccess = jwt.getClaims().get(REALM_ACCESS);
        if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).collect(Collectors.toUnmodifiableSet());
        }
        return Set.of();
    }

    public static Caller caller(Jwt jwt) {
        return new Caller(jwt.getSubject(), jwt.getClaimAsString(USERNAME), realmRoles(jwt),
                firstString(jwt, ORG_PATH), firstString(jwt, DEPARTMENT_ID));
    }

    /** Keycloak user attributes may arrive as a single value or a one-element list. */
    private static String firstString(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(0));
        }
        return value == null ? null : String.valueOf(value);
    }
}
