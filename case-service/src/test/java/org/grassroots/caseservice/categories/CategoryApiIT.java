package org.grassroots.caseservice.categories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The category catalogue through its API: seeded at start, read by everyone, maintained by administrators. */
@ServiceIntegrationTest
class CategoryApiIT {

    static final String FUQIAN = "/qjp/qjp-wangying/qjp-wangying-fuqian";
    static final String ADMIN = TestTokens.user("district-admin-1").roles("district_admin").orgPath("/qjp").bearer();
    static final String PLATFORM_ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();
    static final String RESIDENT = TestTokens.resident("resident-1", FUQIAN).bearer();

    @LocalServerPort
    int port;

    @Autowired
    CategorySeed seed;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CategoryCatalogue catalogue;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenTheServiceStarted_whenTheCatalogueIsRead_thenTheSeededCategoriesAreThere() {
        List<CategoryView> categories = client.get().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CategoryView>>() { })
                .returnResult().getResponseBody();

        assertThat(categories).extracting(CategoryView::code)
                .contains("EXPOSED_RUBBISH", "BURST_WATER_PIPE", "ILLEGAL_CONSTRUCTION", "ELDERLY_ASSISTANCE");
        client.get().uri("/api/categories/BURST_WATER_PIPE")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("供水管道爆裂")
                .jsonPath("$.startingLevel").isEqualTo("COMMUNITY")
                .jsonPath("$.limits.respond").isEqualTo("2h")
                .jsonPath("$.emergencyLimits.respond").isEqualTo("10m")
                .jsonPath("$.attributes[?(@.code == 'waterStillFlowing')].required").isEqualTo(List.of(true));
    }

    @Test
    void givenAnAdministrator_whenTheyDefineReviseAndRetireACategory_thenEachStepIsApplied() {
        String code = freshCode();
        define(code)
                .expectHeader().valueEquals(HttpHeaders.LOCATION, "/api/categories/" + code)
                .expectBody()
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.active").isEqualTo(true)
                .jsonPath("$.emergencyLimits.respond").isEqualTo("15m");

        client.put().uri("/api/categories/" + code)
                .header(HttpHeaders.AUTHORIZATION, PLATFORM_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(revision("树木倒伏或断枝", 1))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("树木倒伏或断枝")
                .jsonPath("$.limits.resolve").isEqualTo("2d")
                .jsonPath("$.version").isEqualTo(2);

        client.post().uri("/api/categories/" + code + "/retire")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.active").isEqualTo(false)
                .jsonPath("$.version").isEqualTo(3);

        assertThat(listCodes("/api/categories", RESIDENT)).doesNotContain(code);
        assertThat(listCodes("/api/categories?includeRetired=true", ADMIN)).contains(code);
        client.get().uri("/api/categories/" + code)
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.active").isEqualTo(false);
    }

    @Test
    void givenACategoryIntakeHasRead_whenItIsChangedHereOrByAnotherInstance_thenIntakeSeesItAtOnceOrWithinItsCopysLifetime() {
        String code = freshCode();
        define(code);
        assertThat(catalogue.forIntake(code).isActive()).isTrue();

        client.post().uri("/api/categories/" + code + "/retire")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .expectStatus().isOk();
        assertThat(catalogue.forIntake(code).isActive()).as("retired through this instance").isFalse();

        // Another case-service instance renames it: this one goes on with its copy for a while.
        mongo.updateFirst(query(where("_id").is(code)), Update.update("name", "另一个实例改的名字"), CategoryDocument.class);
        assertThat(catalogue.forIntake(code).name()).isNotEqualTo("另一个实例改的名字");
        await().atMost(CategoryCatalogue.INTAKE_COPY_LIFETIME.plusSeconds(2)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(catalogue.forIntake(code).name()).isEqualTo("另一个实例改的名字"));
    }

    @Test
    void givenACallerWhoIsNoAdministrator_whenDefiningChangingOrRetiringACategory_thenForbidden() {
        client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON)
                .body(fallenTree(freshCode()))
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:forbidden");
        client.put().uri("/api/categories/EXPOSED_RUBBISH")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON)
                .body(revision("垃圾", 1))
                .exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/categories/EXPOSED_RUBBISH/retire")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", FUQIAN).bearer())
                .exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/categories?includeRetired=true")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void givenAnInvalidBody_whenDefiningACategory_thenItIsRefusedFieldByField() {
        client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"code": "fallen tree", "name": "", "startingLevel": "GRID",
                         "limits": {"respond": "2 hours", "resolve": "1d", "verify": "1d"},
                         "attributes": [{"code": "species", "label": "", "datatype": "STRING"}]}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[?(@.field == 'code')]").exists()
                .jsonPath("$.errors[?(@.field == 'name')]").exists()
                .jsonPath("$.errors[?(@.field == 'kind')]").exists()
                .jsonPath("$.errors[?(@.field == 'limits.respond')]").exists()
                .jsonPath("$.errors[?(@.field == 'attributes[0].label')]").exists();
    }

    @Test
    void givenABodyThatBreaksTheCatalogueRules_whenDefiningACategory_thenItIsRefusedFieldByField() {
        client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"code": "%s", "name": "井盖缺失", "kind": "COMPLAINT", "startingLevel": "COMMUNITY",
                         "limits": {"respond": "8h", "resolve": "4h", "verify": "300d"},
                         "attributes": [{"code": "road", "label": "道路", "datatype": "STRING", "allowedValues": ["A"]}]}
                        """.formatted(freshCode()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'limits.verify')]").exists()
                .jsonPath("$.errors.length()").isEqualTo(1);

        client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"code": "%s", "name": "井盖缺失", "kind": "COMPLAINT", "startingLevel": "COMMUNITY",
                         "limits": {"respond": "8h", "resolve": "4h", "verify": "1d"},
                         "attributes": [{"code": "road", "label": "道路", "datatype": "STRING", "allowedValues": ["A"]}]}
                        """.formatted(freshCode()))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'limits.resolve')]").exists()
                .jsonPath("$.errors[?(@.field == 'attributes[0].allowedValues')]").exists();
    }

    @Test
    void givenAStaleVersion_whenACategoryIsUpdated_thenConflict() {
        String code = freshCode();
        define(code);
        client.put().uri("/api/categories/" + code)
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(revision("树木倒伏", 1))
                .exchange()
                .expectStatus().isOk();

        client.put().uri("/api/categories/" + code)
                .header(HttpHeaders.AUTHORIZATION, PLATFORM_ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(revision("倒伏树木", 1))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:version-conflict");
    }

    @Test
    void givenACodeThatExists_whenDefinedAgain_thenConflict() {
        client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(fallenTree("EXPOSED_RUBBISH"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:already-exists");
    }

    @Test
    void givenAnUnknownCategory_whenReadRevisedOrRetired_thenNotFound() {
        client.get().uri("/api/categories/NO_SUCH_CATEGORY")
                .header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:not-found");
        client.put().uri("/api/categories/NO_SUCH_CATEGORY")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(revision("不存在", 1))
                .exchange()
                .expectStatus().isNotFound();
        client.post().uri("/api/categories/NO_SUCH_CATEGORY/retire")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void givenNoToken_whenTheCatalogueIsRead_thenUnauthorized() {
        client.get().uri("/api/categories").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void givenAnAdministratorsEditsAndAMissingCategory_whenSeededAgain_thenTheEditsStayAndOnlyWhatIsMissingIsRestored() {
        CategoryView vending = client.get().uri("/api/categories/STREET_VENDING")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk()
                .expectBody(CategoryView.class).returnResult().getResponseBody();
        client.put().uri("/api/categories/STREET_VENDING")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"name": "占道经营(含店外经营)", "kind": "COMPLAINT", "startingLevel": "COMMUNITY",
                         "departmentId": "dept-urban", "limits": {"respond": "2h", "resolve": "2d", "verify": "1d"},
                         "version": %d}
                        """.formatted(vending.version()))
                .exchange()
                .expectStatus().isOk();
        mongo.remove(query(where("_id").is("OPEN_BURNING")), CategoryDocument.class);

        assertThat(seed.plant()).isEqualTo(1);
        assertThat(seed.plant()).isZero();

        client.get().uri("/api/categories/STREET_VENDING")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .expectBody()
                .jsonPath("$.name").isEqualTo("占道经营(含店外经营)")
                .jsonPath("$.version").isEqualTo(vending.version() + 1);
        client.get().uri("/api/categories/OPEN_BURNING")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(1);
    }

    private List<String> listCodes(String uri, String bearer) {
        return client.get().uri(uri)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<CategoryView>>() { })
                .returnResult().getResponseBody()
                .stream().map(CategoryView::code).toList();
    }

    private RestTestClient.ResponseSpec define(String code) {
        return client.post().uri("/api/categories")
                .header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(fallenTree(code))
                .exchange()
                .expectStatus().isCreated();
    }

    private static String freshCode() {
        return "FALLEN_TREE_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase().replace('-', '_');
    }

    private static String fallenTree(String code) {
        return """
                {"code": "%s", "name": "树木倒伏", "nameEn": "Fallen tree", "kind": "COMPLAINT",
                 "startingLevel": "COMMUNITY", "departmentId": "dept-urban",
                 "limits": {"respond": "2h", "resolve": "1d", "verify": "1d"},
                 "emergencyLimits": {"respond": "15m", "resolve": "120m", "verify": "240m"},
                 "attributes": [
                   {"code": "blocksRoad", "label": "是否阻断道路", "datatype": "BOOLEAN", "required": true},
                   {"code": "size", "label": "树木大小", "datatype": "SINGLE_VALUE", "allowedValues": ["小", "中", "大"]}
                 ]}
                """.formatted(code);
    }

    private static String revision(String name, long version) {
        return """
                {"name": "%s", "kind": "COMPLAINT", "startingLevel": "COMMUNITY", "departmentId": "dept-urban",
                 "limits": {"respond": "2h", "resolve": "2d", "verify": "1d"},
                 "attributes": [{"code": "blocksRoad", "label": "是否阻断道路", "datatype": "BOOLEAN", "required": true}],
                 "version": %d}
                """.formatted(name, version);
    }

    record CategoryView(String code, String name, boolean active, long version) {
    }
}
