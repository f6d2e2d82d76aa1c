package org.grassroots.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The Keycloak operator's {@code KeycloakRealmImport} resources, derived from the one realm file
 * deploy/keycloak/grassroots-realm.json so the cluster and the local platform never drift apart.
 * <ul>
 * <li>demo (dev overlay): the realm as it is, demo users and the grassroots-dev client included;</li>
 * <li>production (prod overlay): no demo users, no grassroots-dev client, the web and phone clients' redirects
 * on the public host, and a password policy. The confidential clients (department systems, the hotline) and their
 * service-account users stay: they are how those systems sign in.</li>
 * </ul>
 * In both, each confidential client's secret is a placeholder the operator fills from the Secret named like
 * the client (key {@value #SECRET_KEY}): the development values in the realm file never reach a cluster.
 */
final class RealmImports {

    /** The key of a client's Secret that holds its client secret. */
    static final String SECRET_KEY = "client-secret";
    static final String DEV_ONLY_CLIENT = "grassroots-dev";
    static final String PUBLIC_URL = "https://grassroots.example.com";
    static final String PASSWORD_POLICY = "length(12) and notUsername and notEmail and passwordHistory(5)";

    static final Map<String, Path> FILES = Map.of(
            "demo", Path.of("keycloak-realm/demo/realm-import.yaml"),
            "production", Path.of("keycloak-realm/production/realm-import.yaml"));

    private RealmImports() {
    }

    static ObjectNode realmFile() {
        try {
            return (ObjectNode) new ObjectMapper().readTree(Repository.root().resolve("deploy/keycloak/grassroots-realm.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The clients of the realm file that authenticate with a secret (client credentials), by clientId. */
    static List<String> confidentialClients() {
        List<String> clients = new ArrayList<>();
        for (JsonNode client : realmFile().get("clients")) {
            if (client.hasNonNull("secret")) {
                clients.add(client.get("clientId").asText());
            }
        }
        return clients;
    }

    /** The development secrets written in the realm file: none may appear in a manifest. */
    static List<String> developmentSecrets() {
        List<String> secrets = new ArrayList<>();
        realmFile().get("clients").forEach(client -> {
            if (client.hasNonNull("secret")) {
                secrets.add(client.get("secret").asText());
            }
        });
        return secrets;
    }

    /** The operator's placeholder for a client's secret: an environment variable name, e.g. GRASSROOTS_HOTLINE_SECRET. */
    static String placeholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_SECRET";
    }

    /** The Secret the administrator creates for a client's secret: named like the client. */
    static String secretName(String clientId) {
        return clientId;
    }

    static ObjectNode demo() {
        ObjectNode realm = realmFile();
        replaceClientSecrets(realm);
        return resource(realm);
    }

    static ObjectNode production() {
        ObjectNode realm = realmFile();
        replaceClientSecrets(realm);
        removeIf((ArrayNode) realm.get("clients"), client -> client.path("clientId").asText().equals(DEV_ONLY_CLIENT));
        // Service-account users stay: they carry the confidential clients' roles (and, where set, org_path).
        removeIf((ArrayNode) realm.get("users"), user -> !user.hasNonNull("serviceAccountClientId"));
        for (JsonNode client : realm.get("clients")) {
            if (client.path("clientId").asText().equals("grassroots-web")) {
                ((ObjectNode) client).putArray("redirectUris").add(PUBLIC_URL + "/*");
            }
            if (client.path("clientId").asText().equals("grassroots-mobile")) {
                ((ObjectNode) client).putArray("redirectUris").add(PUBLIC_URL + "/m/*");
            }
        }
        realm.put("passwordPolicy", PASSWORD_POLICY);
        return resource(realm);
    }

    static String header(String variant) {
        return "# Generated from deploy/keycloak/grassroots-realm.json (" + variant + " realm) by deploy-tests' RealmImports:\n"
                + "# do not edit. To regenerate after changing the realm file:\n"
                + "#   ./mvnw -pl deploy-tests -am test -Dtest=RealmImportsTest -Dsurefire.failIfNoSpecifiedTests=false"
                + " -Dgrassroots.regenerate-realm-imports=true\n"
                + "# The operator imports a realm once; changes to a running realm go through the admin console or API.\n";
    }

    private static void replaceClientSecrets(ObjectNode realm) {
        for (JsonNode client : realm.get("clients")) {
            if (client.hasNonNull("secret")) {
                ((ObjectNode) client).put("secret", "${" + placeholder(client.get("clientId").asText()) + "}");
            }
        }
    }

    private static ObjectNode resource(ObjectNode realm) {
        ObjectNode resource = Yaml.MAPPER.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = resource.putObject("metadata");
        metadata.put("name", "grassroots-realm");
        metadata.putObject("labels").put("app.kubernetes.io/part-of", "grassroots");
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", "keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (String clientId : confidentialClients()) {
            ObjectNode secret = placeholders.putObject(placeholder(clientId)).putObject("secret");
            secret.put("name", secretName(clientId));
            secret.put("key", SECRET_KEY);
        }
        spec.set("realm", realm);
        return resource;
    }

    private static void removeIf(ArrayNode items, Predicate<JsonNode> condition) {
        for (int i = items.size() - 1; i >= 0; i--) {
            if (condition.test(items.get(i))) {
                items.remove(i);
            }
        }
    }
}
