package org.grassroots.caseservice.open311;

import java.time.Instant;

import org.grassroots.platform.security.Caller;

/**
 * A client system as its API key identified it: the Keycloak client, the token Keycloak issued to it
 * (with which intake locates the report, as with any caller's own token), and the caller that token
 * makes, whose service account decides what the system may do.
 *
 * @param clientId  the Keycloak client, e.g. {@code open311-suishoupai}
 * @param token     the client's access token
 * @param caller    the service account the token speaks for
 * @param expiresAt when the token runs out
 */
public record Open311Client(String clientId, String token, Caller caller, Instant expiresAt) {

    @Override
    public String toString() {
        return "Open311Client[" + clientId + "]";
    }
}
