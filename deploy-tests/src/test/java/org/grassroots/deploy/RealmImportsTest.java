package org.grassroots.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

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

        assertThat(values(realm.get("users"), "username")).containsExactly("service-account-grassroots-department-systems");
        assertThat(realm.toString()).doesNotContain("\"credentials\"");
        assertThat(values(realm.get("clients"), "clientId"))
                .containsExactlyInAnyOrder("grassroots-web", "grassroots-mobile", "grassroots-department-systems");
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false)).as("password grant").isFalse();
            if (client.has("secret")) {
                assertThat(client.get("secret").asText()).isEqualTo("${" + RealmImports.PLACEHOLDER + "}");
            }
            assertThat(client.path("redirectUris").toString()).doesNotContain("localhost");
        }
        assertThat(realm.path("passwordPolicy").asText()).contains("length(12)");
    }

    @Test
    void givenTheDemoRealm_whenImported_thenItKeepsTheDemoUsersButNotTheDevelopmentSecret() {
        JsonNode realm = RealmImports.demo().at("/spec/realm");

        assertThat(values(realm.get("users"), "username")).contains("resident1", "dispatcher1", "admin");
        assertThat(values(realm.get("clients"), "clientId")).contains(RealmImports.DEV_ONLY_CLIENT);
        assertThat(realm.toString()).doesNotContain("dev-department-systems-secret");
    }

    private static List<String> values(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }
}
