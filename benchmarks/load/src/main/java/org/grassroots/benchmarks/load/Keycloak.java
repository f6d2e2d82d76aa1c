package org.grassroots.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real access tokens from the platform's Keycloak, as {@code ./grassroots token} gets them: the
 * password grant of the public dev client {@code grassroots-dev}, demo password {@code demo}.
 * Tokens live 15 minutes (the realm's access token lifespan): a tool that runs longer (the soak)
 * fetches them anew.
 */
public final class Keycloak {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private Keycloak() {
    }

    public static String token(String keycloakUrl, String username) {
        String form = "grant_type=password&client_id=grassroots-dev&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(keycloakUrl + "/realms/grassroots/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": "
                        + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + keycloakUrl + " cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
