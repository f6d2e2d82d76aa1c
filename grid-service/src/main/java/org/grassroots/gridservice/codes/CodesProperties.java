package org.grassroots.gridservice.codes;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 码上办 codes ({@code grassroots.grid.codes.*}).
 *
 * @param publicUrl where residents' phones reach the platform: a code holds
 *                  {@code <publicUrl>/m/report?grid=<code>[&building=<id>]}. Locally the gateway's
 *                  address; a deployment sets its public HTTPS address ({@code GRASSROOTS_PUBLIC_URL}).
 * @param font      a TrueType font file for the names on the PDF sheet; empty for the one the service ships
 */
@ConfigurationProperties("grassroots.grid.codes")
public record CodesProperties(String publicUrl, String font) {

    public CodesProperties {
        if (publicUrl == null || publicUrl.isBlank()) {
            throw new IllegalArgumentException("grassroots.grid.codes.public-url must be set");
        }
        publicUrl = publicUrl.strip().replaceAll("/+$", "");
    }
}
