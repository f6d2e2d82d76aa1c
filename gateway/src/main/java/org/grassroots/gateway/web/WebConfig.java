package org.grassroots.gateway.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer of {@code GET /config.json}: where the pages sign in, and the optional tile server.
 * Nothing secret: the browser needs exactly this to start the authorization code flow.
 */
public record WebConfig(String keycloakUrl, String realm, String tileUrl) {

    private static final String REALMS = "/realms/";
    private static final Pattern ORIGIN = Pattern.compile("^(https?://[^/]+)");

    /** Settings first; what is not set is read off the issuer the gateway accepts tokens from. */
    static WebConfig of(WebProperties properties, String issuerUri) {
        String keycloakUrl = properties.keycloakUrl();
        String realm = properties.realm();
        int realms = issuerUri == null ? -1 : issuerUri.indexOf(REALMS);
        if (keycloakUrl == null && realms > 0) {
            keycloakUrl = issuerUri.substring(0, realms);
        }
        if (realm == null && realms > 0) {
            realm = issuerUri.substring(realms + REALMS.length()).replaceAll("/+$", "");
        }
        if (keycloakUrl == null || realm == null) {
            throw new IllegalStateException("grassroots.web.keycloak-url and grassroots.web.realm are needed when the"
                    + " token issuer is not a Keycloak realm URL: " + issuerUri);
        }
        return new WebConfig(keycloakUrl.replaceAll("/+$", ""), realm, properties.tileUrl());
    }

    /** scheme://host[:port] of Keycloak, for the pages' Content-Security-Policy. */
    String keycloakOrigin() {
        return origin(keycloakUrl);
    }

    String tileOrigin() {
        // A subdomain placeholder ({s}.tile.example) becomes a CSP wildcard (*.tile.example).
        return tileUrl == null ? null : origin(tileUrl.replaceFirst("\\{s}", "*"));
    }

    private static String origin(String url) {
        Matcher origin = ORIGIN.matcher(url);
        if (!origin.find()) {
            throw new IllegalStateException("not an absolute http(s) URL: " + url);
        }
        return origin.group(1);
    }
}
