package org.grassroots.caseservice.open311;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Open311 endpoint ({@code grassroots.open311.*}).
 *
 * @param jurisdictionId the one jurisdiction this endpoint serves; a request naming another is refused
 * @param tokenUri       Keycloak's token endpoint, where an API key is exchanged for its client's token;
 *                       left out, it is the realm's, next to the key set the service already reads
 * @param clientRole     the realm role a client's service account must hold to file requests
 * @param keyTimeout     how long the token endpoint may take before the request is refused as unavailable
 * @param cachedKeys     how many exchanged keys are remembered (each until shortly before its token expires)
 * @param keyRecheck     how long an exchanged key is trusted before Keycloak is asked again (two minutes
 *                       unless set): a disabled client or a regenerated secret is refused at most this late
 * @param maxUpdatedCases the most cases changed within one {@code servicerequestupdates} window that one call
 *                        reads (5,000 unless set); a window with more is refused with 400, asking for a
 *                        shorter one, rather than answered from part of it
 */
@ConfigurationProperties("grassroots.open311")
public record Open311Properties(String jurisdictionId, String tokenUri, String clientRole, Duration keyTimeout,
        Integer cachedKeys, Duration keyRecheck, Integer maxUpdatedCases) {

    public static final String DEFAULT_CLIENT_ROLE = "open311_client";

    public Open311Properties {
        jurisdictionId = jurisdictionId == null || jurisdictionId.isBlank() ? "grassroots" : jurisdictionId.strip();
        tokenUri = tokenUri == null || tokenUri.isBlank() ? null : tokenUri.strip();
        clientRole = clientRole == null || clientRole.isBlank() ? DEFAULT_CLIENT_ROLE : clientRole;
        keyTimeout = keyTimeout == null ? Duration.ofSeconds(5) : keyTimeout;
        cachedKeys = cachedKeys == null || cachedKeys < 1 ? 1000 : cachedKeys;
        keyRecheck = keyRecheck == null || keyRecheck.isNegative() ? Duration.ofMinutes(2) : keyRecheck;
        maxUpdatedCases = maxUpdatedCases == null || maxUpdatedCases < 1 ? 5000 : maxUpdatedCases;
    }
}
