package org.grassroots.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
 * <li>production (prod overlay): no demo users, no grassroots-dev client, the web client's redirects on the
 * public host, and a password policy.</li>
 * </ul>
 * In both the department systems' client secret is a placeholder the operator fills from the Secret
 * {@value #DEPARTMENT_SYSTEMS_SECRET_NAME}: the development value in the realm file never reaches a cluster.
 */
final class RealmImports {

    static final String PLACEHOLDER = "DEPARTMENT_SYSTEMS_SECRET";
    static final String DEPARTMENT_SYSTEMS_SECRET_NAME = "grassroots-department-systems";
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

    static ObjectNode demo() {
        ObjectNode realm = realmFile();
        replaceClientSecret(realm);
        return resource(realm);
    }

    static ObjectNode production() {
        ObjectNode realm = realmFile();
        replaceClientSecret(realm);
        removeIf((ArrayNode) realm.get("clients"), client -> client.path("clientId").asText().equals(DEV_ONLY_CLIENT));
        // Service-account users stay: they carry the department systems' role and org_path.
        removeIf((ArrayNode) realm.get("users"), user -> !user.hasNonNull("serviceAccountClientId"));
        for (JsonNode client : realm.get("clients")) {
            if (client.path("clientId").asText().equals("grassroots-web")) {
                ((ObjectNode) client).putArray("redirectUris").add(PUBLIC_URL + "/*");
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

    private static void replaceClientSecret(ObjectNode realm) {
        for (JsonNode client : realm.get("clients")) {
            if (client.hasNonNull("secret")) {
                ((ObjectNode) client).put("secret", "${" + PLACEHOLDER + "}");
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
        ObjectNode secret = spec.putObject("placeholders").putObject(PLACEHOLDER).putObject("secret");
        secret.put("name", DEPARTMENT_SYSTEMS_SECRET_NAME);
        secret.put("key", "client-secret");
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
