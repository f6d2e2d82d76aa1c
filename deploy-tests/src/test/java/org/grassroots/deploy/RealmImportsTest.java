package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The realm imports in deploy/k8s/keycloak-realm are the realm file, made fit for a cluster. */
class RealmImportsTest {

    @Test
    void givenTheRealmFile_whenTheImportsAreDerived_thenTheCheckedInImportsAreUpToDate() throws IOException {
        for (var variant : RealmImports.FILES.entrySet()) {
            Path file = Repository.k8s().resolve(variant.getValue());
            ObjectNode expected = variant.getKey().equals("demo") ? RealmImports.demo() : RealmImports.production();
            if (Boolean.getBoolean("grassroots.regenerate-realm-imports")) {
                Files.writeString(file, RealmImports.header(variant.getKey()) + Yaml.write(expected));
            }

            assertThat(Yaml.documents(file)).as(file + " is out of date: regenerate it as its header says")
                    .containsExactly(expected);
        }
    }

    @Test
    void givenTheProductionRealm_whenImported_thenItHasNoDemoUserNoPasswordGrantClientAndNoSecretValue() {
        JsonNode realm = RealmImports.production().at("/spec/realm");
        List<String> confidential = RealmImports.confidentialClients();

        assertThat(confidential).as("the realm file's confidential clients")
                .contains("grassroots-department-systems", "dept-urban-system", "dept-housing-system", "grassroots-hotline");
        assertThat(values(realm.get("users"), "username")).as("service accounts only, one per confidential client")
                .containsExactlyInAnyOrderElementsOf(confidential.stream().map(client -> "service-account-" + client).toList());
        assertThat(realm.get("users")).allSatisfy(user -> {
            assertThat(user.path("serviceAccountClientId").asText()).isIn(confidential);
            assertThat(user.has("credentials")).isFalse();
        });
        assertThat(realm.toString()).doesNotContain("\"credentials\"");
        List<String> clients = new ArrayList<>(List.of("grassroots-web", "grassroots-mobile"));
        clients.addAll(confidential);
        assertThat(values(realm.get("clients"), "clientId")).containsExactlyInAnyOrderElementsOf(clients);
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as("password grant").isFalse();
            assertThat(client.path("redirectUris").toString()).doesNotContain("localhost");
        }
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"demo", "production"})
    void givenARealmImport_whenImported_thenEachConfidentialClientsSecretComesFromItsOwnSecret(String variant) {
        ObjectNode resource = variant.equals("demo") ? RealmImports.demo() : RealmImports.production();
        JsonNode placeholders = resource.at("/spec/placeholders");

        for (String clientId : RealmImports.confidentialClients()) {
            JsonNode client = clients(resource.at("/spec/realm")).get(clientId);
            String placeholder = RealmImports.placeholder(clientId);
            assertThat(client.get("secret").asText()).as(clientId).isEqualTo("${" + placeholder + "}");
            assertThat(placeholders.at("/" + placeholder + "/secret/name").asText()).isEqualTo(clientId);
            assertThat(placeholders.at("/" + placeholder + "/secret/key").asText()).isEqualTo(RealmImports.SECRET_KEY);
        }
        assertThat(placeholders.size()).isEqualTo(RealmImports.confidentialClients().size());
        for (JsonNode client : resource.at("/spec/realm/clients")) {
            if (client.has("secret")) {
                assertThat(client.path("publicClient").asBoolean()).isFalse();
                assertThat(client.get("secret").asText()).matches("\\$\\{[A-Z][A-Z0-9_]*}");
            }
        }
        assertThat(RealmImports.developmentSecrets()).isNotEmpty()
                .allSatisfy(secret -> assertThat(resource.toString()).doesNotContain(secret));
    }

    @Test
    void givenTheRealmFile_whenKeycloakStoresItsClients_thenEveryNameAndDescriptionFitsItsColumn() {
        // Keycloak keeps a client's name and description in columns of 255 characters; a longer one
        // stops the import, and with it Keycloak's start.
        for (JsonNode client : RealmImports.realmFile().get("clients")) {
            assertThat(client.path("description").asText().length()).as(client.get("clientId").asText()).isLessThanOrEqualTo(255);
            assertThat(client.path("name").asText().length()).as(client.get("clientId").asText()).isLessThanOrEqualTo(255);
        }
    }

    @Test
    void givenTheDemoRealm_whenImported_thenItKeepsTheDemoUsers() {
        JsonNode realm = RealmImports.demo().at("/spec/realm");

        assertThat(values(realm.get("users"), "username")).contains("resident1", "dispatcher1", "courier1", "admin");
        assertThat(values(realm.get("clients"), "clientId")).contains(RealmImports.DEV_ONLY_CLIENT);
    }

    @Test
    void givenTheRealm_whenSomeoneRegistersOnTheSignInPage_thenTheyBecomeAResidentAndNothingMore() {
        JsonNode realm = RealmImports.realmFile();
        String defaultRole = realm.at("/defaultRole/name").asText();
        JsonNode composite = null;
        for (JsonNode role : realm.at("/roles/realm")) {
            if (role.path("name").asText().equals(defaultRole)) {
                composite = role.path("composites");
            }
        }

        assertThat(realm.path("registrationAllowed").asBoolean()).isTrue();
        assertThat(composite).as("the default role " + defaultRole).isNotNull();
        assertThat(composite.path("realm").size()).isEqualTo(3);
        assertThat(composite.path("realm").toString()).contains("\"resident\"", "\"offline_access\"", "\"uma_authorization\"");
        // Staff, workers and systems keep exactly their own roles: none of them holds the default role.
        assertThat(realm.get("users")).allSatisfy(user -> {
            if (!user.path("realmRoles").toString().contains("\"resident\"")) {
                assertThat(user.path("realmRoles").toString()).as(user.path("username").asText()).doesNotContain(defaultRole);
            }
        });
    }

    @Test
    void givenTheProductionRealm_whenImported_thenThePhonePagesSignInOnThePublicHostOnly() {
        JsonNode mobile = clients(RealmImports.production().at("/spec/realm")).get("grassroots-mobile");

        assertThat(mobile.get("redirectUris").size()).isEqualTo(1);
        assertThat(mobile.get("redirectUris").get(0).asText()).isEqualTo(RealmImports.PUBLIC_URL + "/m/*");
        assertThat(mobile.at("/attributes/pkce.code.challenge.method").asText()).isEqualTo("S256");
        assertThat(mobile.path("publicClient").asBoolean()).isTrue();
    }

    private static Map<String, JsonNode> clients(JsonNode realm) {
        Map<String, JsonNode> clients = new HashMap<>();
        realm.get("clients").forEach(client -> clients.put(client.path("clientId").asText(), client));
        return clients;
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
