package org.grassroots.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the browser front ends are told at {@code /config.json} ({@code grassroots.web.*}).
 *
 * @param keycloakUrl Keycloak's base URL as browsers reach it; blank: taken from the token issuer
 *                    the gateway checks ({@code .../realms/<realm>})
 * @param realm       the realm; blank: taken from the issuer as well
 * @param tileUrl     a raster tile URL template for the maps ({@code {z}/{x}/{y}}); blank: the maps
 *                    draw only the platform's own grid boundaries
 * @param files       where the built front ends are: a folder on the classpath (default {@code grassroots-web},
 *                    the {@code web} module's jar), or {@code file:/path/to/web/dist} to serve a local build
 *                    as it is rebuilt (GRASSROOTS_WEB_FILES, for working on the pages)
 */
@ConfigurationProperties("grassroots.web")
public record WebProperties(String keycloakUrl, String realm, String tileUrl, String files) {

    public WebProperties {
        keycloakUrl = blankToNull(keycloakUrl);
        realm = blankToNull(realm);
        tileUrl = blankToNull(tileUrl);
        files = files == null || files.isBlank() ? "grassroots-web" : files.strip().replaceAll("/+$", "");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
