package org.grassroots.caseservice.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.bson.Document;
import org.grassroots.caseservice.intake.StandInGridService;
import org.grassroots.caseservice.open311.Open311Schemas.Kind;
import org.grassroots.caseservice.targets.KnownTargets;
import org.grassroots.caseservice.targets.TargetDirectory;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.xml.sax.InputSource;

import tools.jackson.databind.JsonNode;

/**
 * Open311 GeoReport v2 at {@code /open311/v2} against the embedded broker and store, a stand-in
 * grid-service and a stand-in of Keycloak's token endpoint: every resource in JSON and XML checked
 * against the schemas written from the specification, requests filed through intake and handled in
 * triage like any other, the API key's exchange for its Keycloak client's token, and the
 * specification's error list for bad input.
 */
@ServiceIntegrationTest
class Open311IT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String JURISDICTION = "qjp.test";
    static final String KEY = "open311-test:open311-test-secret";
    static final StandInGridService GRID_SERVICE = new StandInGridService();
    static final StandInTokenEndpoint KEYCLOAK = new StandInTokenEndpoint()
            .client("open311-test", "open311-test-secret", "/qjp", "open311_client")
            .client("grassroots-hotline", "hotline-secret", "/qjp", "hotline");
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();

    /** Personal data a client might send about its user; none of it may be kept or shown. */
    static final List<String> PERSONAL = List.of("sanfeng.zhang@example.com", "13912345678", "Sanfeng",
            "Zhangwuji", "device-7f3a9c", "account-556677");

    @DynamicPropertySource
    static void stands(DynamicPropertyRegistry properties) {
        properties.add("grassroots.grid-service.url", GRID_SERVICE::url);
        properties.add("grassroots.open311.token-uri", KEYCLOAK::url);
        properties.add("grassroots.open311.jurisdiction-id", () -> JURISDICTION);
    }

    @AfterAll
    static void stopStands() {
        GRID_SERVICE.close();
        KEYCLOAK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TargetDirectory targets;

    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void setUp() {
        apiKeys.forgetAll();
        KEYCLOAK.reset();
        GRID_SERVICE.mode(StandInGridService.Mode.UP);
    }

    // Services

    @Test
    void givenTheCatalogue_whenServicesAreListed_thenJsonAndXmlValidateAndOfferTheComplaintCategoriesOnly() {
        Answer json = get("/open311/v2/services.json?jurisdiction_id=" + JURISDICTION);
        Answer xml = get("/open311/v2/services.xml");

        assertThat(json.status()).isEqualTo(200);
        assertThat(json.contentType()).startsWith("application/json");
        JsonNode services = Open311Schemas.validJson(Kind.SERVICES, json.body());
        List<String> codes = new ArrayList<>();
        services.forEach(service -> codes.add(service.get("service_code").asString()));
        assertThat(codes).contains("EXPOSED_RUBBISH", "BROKEN_STREET_LIGHT", "ROAD_DAMAGE")
                .doesNotContain("ELDERLY_ASSISTANCE");
        JsonNode rubbish = find(services, "service_code", "EXPOSED_RUBBISH");
        assertThat(rubbish.get("service_name").asString()).isEqualTo("暴露垃圾");
        assertThat(rubbish.get("metadata").asBoolean()).isTrue();
        assertThat(rubbish.get("type").asString()).isEqualTo("realtime");
        assertThat(xml.status()).isEqualTo(200);
        assertThat(xml.contentType()).startsWith("text/xml");
        Open311Schemas.validXml(Kind.SERVICES, xml.body());
        assertThat(xpath(xml.body(), "count(/services/service)")).isEqualTo(String.valueOf(codes.size()));
        assertThat(xpath(xml.body(), "/services/service[service_code='EXPOSED_RUBBISH']/service_name"))
                .isEqualTo("暴露垃圾");
    }

    @Test
    void givenEveryPublishedService_whenItsDefinitionIsRead_thenJsonAndXmlValidateWithTheSpecificationsDatatypes() {
        JsonNode services = Open311Schemas.JSON.readTree(get("/open311/v2/services.json").body());
        for (JsonNode service : services) {
            String code = service.get("service_code").asString();
            Answer json = get("/open311/v2/services/" + code + ".json");
            Answer xml = get("/open311/v2/services/" + code + ".xml");
            assertThat(json.status()).as(code).isEqualTo(200);
            assertThat(xml.status()).as(code).isEqualTo(200);
            Open311Schemas.validJson(Kind.SERVICE_DEFINITION, json.body());
            Open311Schemas.validXml(Kind.SERVICE_DEFINITION, xml.body());
        }

        JsonNode rubbish = Open311Schemas.JSON.readTree(get("/open311/v2/services/EXPOSED_RUBBISH.json").body());
        JsonNode rubbishType = find(rubbish.get("attributes"), "code", "rubbishType");
        assertThat(rubbishType.get("datatype").asString()).isEqualTo("multivaluelist");
        assertThat(rubbishType.get("order").asInt()).isEqualTo(1);
        assertThat(rubbishType.get("values")).isNotEmpty();
        assertThat(find(rubbish.get("attributes"), "code", "volume").get("datatype").asString())
                .isEqualTo("singlevaluelist");
        JsonNode water = Open311Schemas.JSON.readTree(get("/open311/v2/services/BURST_WATER_PIPE.json").body());
        JsonNode stillFlowing = find(water.get("attributes"), "code", "waterStillFlowing");
        assertThat(stillFlowing.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(stillFlowing.get("values").findValuesAsString("key")).containsExactly("true", "false");
        assertThat(find(water.get("attributes"), "code", "householdsWithoutWater").get("datatype").asString())
                .isEqualTo("number");
        String food = get("/open311/v2/services/FOOD_SAFETY.xml").body();
        assertThat(xpath(food, "/service_definition/attributes/attribute[code='purchasedAt']/datatype")).isEqualTo("datetime");
        assertThat(xpath(food, "/service_definition/attributes/attribute[code='businessName']/datatype")).isEqualTo("string");
    }

    // Filing a request

    @Test
    void givenAValidApiKey_whenARequestIsPosted_thenIntakeFilesItAndItReadsBackInBothFormatsWithoutPersonalData() {
        Answer created = post("/open311/v2/requests.json", "api_key", KEY, "jurisdiction_id", JURISDICTION,
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213",
                "address_string", "健康东路12号东侧", "description", "路边堆了一大堆装修垃圾",
                "media_url", "https://photos.example.com/open311/1234.jpg",
                "attribute[rubbishType][]", "建筑垃圾", "attribute[rubbishType][]", "生活垃圾",
                "attribute[volume]", "大量(一车以上)",
                "email", PERSONAL.get(0), "phone", PERSONAL.get(1), "first_name", PERSONAL.get(2),
                "last_name", PERSONAL.get(3), "device_id", PERSONAL.get(4), "account_id", PERSONAL.get(5));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode answer = Open311Schemas.validJson(Kind.REQUEST_CREATED, created.body());
        String id = answer.get(0).get("service_request_id").asString();
        assertThat(answer.get(0).get("service_notice").asString()).contains("GR-");

        Answer json = get("/open311/v2/requests/" + id + ".json?jurisdiction_id=" + JURISDICTION);
        JsonNode request = Open311Schemas.validJson(Kind.REQUESTS, json.body()).get(0);
        assertThat(request.get("service_request_id").asString()).isEqualTo(id);
        assertThat(request.get("status").asString()).isEqualTo("open");
        assertThat(request.get("service_code").asString()).isEqualTo("EXPOSED_RUBBISH");
        assertThat(request.get("service_name").asString()).isEqualTo("暴露垃圾");
        assertThat(request.get("description").asString()).isEqualTo("路边堆了一大堆装修垃圾");
        assertThat(request.get("address").asString()).isEqualTo("健康东路12号东侧");
        assertThat(request.get("lat").asDouble()).isEqualTo(33.6012);
        assertThat(request.get("long").asDouble()).isEqualTo(119.0213);
        assertThat(request.get("media_url").asString()).isEqualTo("https://photos.example.com/open311/1234.jpg");
        assertThat(request.get("requested_datetime").asString()).endsWith("+08:00");
        assertThat(request.get("status_notes").asString()).contains("Reported");
        Answer xml = get("/open311/v2/requests/" + id + ".xml");
        Open311Schemas.validXml(Kind.REQUESTS, xml.body());
        assertThat(xpath(xml.body(), "/service_requests/request/service_request_id")).isEqualTo(id);
        assertThat(xpath(xml.body(), "/service_requests/request/status")).isEqualTo("open");

        // The case is the intake's: located with the client's own token, from channel OPEN311.
        Answer asStaff = get("/api/cases/" + id, DISPATCHER);
        assertThat(asStaff.status()).isEqualTo(200);
        JsonNode aCase = Open311Schemas.JSON.readTree(asStaff.body());
        assertThat(aCase.get("channel").asString()).isEqualTo("OPEN311");
        assertThat(aCase.get("orgPath").asString()).isEqualTo(CHENGNAN);
        assertThat(GRID_SERVICE.authorizations()).as("located with the client's own token").anySatisfy(
                authorization -> assertThat(authorization).startsWith("Bearer ey"));
        // Nobody's personal data: not in any answer, not in the store.
        String stored = mongo.find(new Query(Criteria.where("_id").is(id)), Document.class, "cases").toString()
                + mongo.find(new Query(Criteria.where("_id").is(id)), Document.class, "open311_requests").toString();
        for (String personal : PERSONAL) {
            assertThat(created.body() + json.body() + xml.body() + asStaff.body() + stored).doesNotContain(personal);
        }

        Answer inXml = post("/open311/v2/requests.xml", "api_key", KEY, "service_code", "BROKEN_STREET_LIGHT",
                "address_string", "淮海南路口", "description", "路灯不亮", "attribute[lightsOut]", "2");
        assertThat(inXml.status()).as(inXml.body()).isEqualTo(201);
        assertThat(inXml.contentType()).startsWith("text/xml");
        Open311Schemas.validXml(Kind.REQUEST_CREATED, inXml.body());
        String unlocated = xpath(inXml.body(), "/service_requests/request/service_request_id");
        JsonNode onlyAddress = Open311Schemas.validJson(Kind.REQUESTS, get("/open311/v2/requests/" + unlocated + ".json").body());
        assertThat(onlyAddress.get(0).get("lat").isNull()).isTrue();
        assertThat(onlyAddress.get(0).get("address").asString()).isEqualTo("淮海南路口");
    }

    @Test
    void givenARequestThroughOpen311_whenTheDispatcherWorksTheTriage_thenItIsHandledLikeAnyOtherAndOpen311FollowsIt() {
        KnownTargets.registerAndAwait(targets);
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String dispatched = filed("SHARED_BICYCLES_PILED", "119.0221", "33.6020");
        String cancelled = filed("SHARED_BICYCLES_PILED", "119.0900", "33.6500");

        Answer triage = get("/api/cases/triage?size=100", DISPATCHER);
        assertThat(triage.status()).isEqualTo(200);
        JsonNode items = Open311Schemas.JSON.readTree(triage.body()).get("items");
        assertThat(items.findValuesAsString("id")).contains(dispatched, cancelled);
        assertThat(find(items, "id", dispatched).get("channel").asString()).isEqualTo("OPEN311");
        assertThat(command(dispatched, "accept", "{\"version\": 1}")).isEqualTo(200);
        assertThat(command(dispatched, "dispatch", "{\"version\": 2, \"assignee\": {\"kind\": \"DEPARTMENT\", "
                + "\"id\": \"dept-urban\", \"displayName\": \"城市管理局\"}}")).isEqualTo(200);
        assertThat(command(cancelled, "cancel", "{\"version\": 1, \"reason\": \"重复上报\"}")).isEqualTo(200);

        JsonNode open = Open311Schemas.validJson(Kind.REQUESTS, get("/open311/v2/requests/" + dispatched + ".json").body()).get(0);
        assertThat(open.get("status").asString()).isEqualTo("open");
        assertThat(open.get("agency_responsible").asString()).isEqualTo("城市管理局");
        assertThat(open.get("expected_datetime").isNull()).isFalse();
        assertThat(open.get("status_notes").asString()).contains("Dispatched");
        String closedXml = Open311Schemas.validXml(Kind.REQUESTS, get("/open311/v2/requests/" + cancelled + ".xml").body());
        assertThat(xpath(closedXml, "/service_requests/request/status")).isEqualTo("closed");
        assertThat(xpath(closedXml, "count(/service_requests/request/expected_datetime)")).isEqualTo("0");

        String window = "start_date=" + enc(before.toString()) + "&end_date=" + enc(Instant.now().plusSeconds(5).toString());
        JsonNode updates = Open311Schemas.validJson(Kind.SERVICE_REQUEST_UPDATES,
                get("/open311/v2/servicerequestupdates.json?" + window).body());
        List<JsonNode> ofDispatched = new ArrayList<>();
        updates.forEach(update -> {
            if (update.get("service_request_id").asString().equals(dispatched)) {
                ofDispatched.add(update);
            }
        });
        assertThat(ofDispatched).extracting(update -> update.get("description").asString())
                .anySatisfy(text -> assertThat(text).contains("Accepted"))
                .anySatisfy(text -> assertThat(text).contains("Dispatched"));
        assertThat(ofDispatched).allSatisfy(update -> assertThat(update.get("status").asString()).isEqualTo("open"));
        String updatesXml = Open311Schemas.validXml(Kind.SERVICE_REQUEST_UPDATES,
                get("/open311/v2/servicerequestupdates.xml?" + window).body());
        assertThat(xpath(updatesXml, "/service_request_updates/request_update[service_request_id='" + cancelled + "']/status"))
                .isEqualTo("closed");
        assertThat(updates.toString() + updatesXml).doesNotContain("重复上报").doesNotContain("dispatcher-1");
    }

    @Test
    void givenSeveralRequests_whenSearchedByIdServiceStatusWindowAndPage_thenTheFiltersAndThePaginationExtensionApply() {
        String first = filed("STRAY_DOGS", "119.0301", "33.6101");
        String second = filed("STRAY_DOGS", "119.0401", "33.6201");
        String third = filed("STRAY_DOGS", "119.0501", "33.6301");

        Answer pageOne = get("/open311/v2/requests.json?service_code=STRAY_DOGS&status=open&page_size=2");
        JsonNode one = Open311Schemas.validJson(Kind.REQUESTS, pageOne.body());
        assertThat(one.findValuesAsString("service_request_id")).containsExactly(third, second);
        assertThat(pageOne.headers().firstValue("X-Total-Count")).hasValue("3");
        assertThat(pageOne.headers().firstValue("Link")).hasValueSatisfying(link -> assertThat(link)
                .contains("page=2").contains("page_size=2").contains("rel=\"next\""));
        Answer pageTwo = get("/open311/v2/requests.xml?service_code=STRAY_DOGS&status=open&page_size=2&page=2");
        Open311Schemas.validXml(Kind.REQUESTS, pageTwo.body());
        assertThat(xpath(pageTwo.body(), "/service_requests/request/service_request_id")).isEqualTo(first);
        assertThat(pageTwo.headers().firstValue("Link")).isEmpty();

        JsonNode closed = Open311Schemas.validJson(Kind.REQUESTS,
                get("/open311/v2/requests.json?service_code=STRAY_DOGS&status=closed").body());
        assertThat(closed).isEmpty();
        String now = OffsetDateTime.now().plusMinutes(1).toString();
        String monthAgo = OffsetDateTime.now().minusDays(30).toString();
        JsonNode inWindow = Open311Schemas.validJson(Kind.REQUESTS, get("/open311/v2/requests.json?service_code=STRAY_DOGS"
                + "&start_date=" + enc(monthAgo) + "&end_date=" + enc(now)).body());
        assertThat(inWindow.findValuesAsString("service_request_id")).contains(first, second, third);
        JsonNode before = Open311Schemas.validJson(Kind.REQUESTS, get("/open311/v2/requests.json?service_code=STRAY_DOGS"
                + "&end_date=" + enc(monthAgo)).body());
        assertThat(before).isEmpty();
        JsonNode byIds = Open311Schemas.validJson(Kind.REQUESTS,
                get("/open311/v2/requests.json?service_request_id=" + first + "," + third + "&status=closed").body());
        assertThat(byIds.findValuesAsString("service_request_id")).containsExactlyInAnyOrder(first, third);
        JsonNode all = Open311Schemas.validJson(Kind.REQUESTS, get("/open311/v2/requests.json").body());
        assertThat(all.findValuesAsString("service_request_id")).contains(first, second, third);
    }

    // The API key and Keycloak

    @Test
    void givenAValidApiKey_whenItFilesSeveralRequests_thenKeycloakIsAskedOnceAndTheClientsServiceAccountReports() {
        String first = filed("OPEN_BURNING", "119.0601", "33.6401");
        String second = filed("OPEN_BURNING", "119.0701", "33.6501");

        assertThat(KEYCLOAK.calls()).isEqualTo(1);
        List<Document> stored = mongo.find(new Query(Criteria.where("_id").in(first, second)), Document.class, "cases");
        assertThat(stored).extracting(document -> document.getString("reporterId"))
                .containsOnly("service-account-open311-test");
        assertThat(mongo.find(new Query(Criteria.where("_id").is(first)), Document.class, "open311_requests"))
                .extracting(document -> document.getString("clientId")).containsExactly("open311-test");
    }

    @Test
    void givenAWrongOrMissingApiKey_whenARequestIsPosted_thenTheErrorListSays403AndNothingIsFiled() {
        long cases = mongo.getCollection("cases").countDocuments();
        Answer wrong = post("/open311/v2/requests.json", "api_key", "open311-test:not-the-secret",
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213");
        Answer again = post("/open311/v2/requests.xml", "api_key", "open311-test:not-the-secret",
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213");
        Answer missing = post("/open311/v2/requests.json", "service_code", "EXPOSED_RUBBISH", "lat", "33.6012",
                "long", "119.0213");
        Answer shapeless = post("/open311/v2/requests.json", "api_key", "just-a-password",
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213");
        Answer notOpen311 = post("/open311/v2/requests.json", "api_key", "grassroots-hotline:hotline-secret",
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213");

        for (Answer refused : List.of(wrong, missing, shapeless, notOpen311)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(403);
            JsonNode errors = Open311Schemas.validJson(Kind.ERRORS, refused.body());
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
        }
        assertThat(again.status()).isEqualTo(403);
        Open311Schemas.validXml(Kind.ERRORS, again.body());
        assertThat(xpath(again.body(), "/errors/error/code")).isEqualTo("403");
        assertThat(xpath(again.body(), "/errors/error/description")).contains("api_key");
        assertThat(KEYCLOAK.calls()).as("the wrong key is remembered; no key and a key of no client's shape are not sent")
                .isEqualTo(2);
        assertThat(mongo.getCollection("cases").countDocuments()).isEqualTo(cases);
    }

    @Test
    void givenKeycloakUnavailable_whenARequestIsPosted_thenTheErrorListSays503() {
        KEYCLOAK.down(true);

        Answer unavailable = post("/open311/v2/requests.xml", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "lat", "33.6012", "long", "119.0213");

        assertThat(unavailable.status()).isEqualTo(503);
        Open311Schemas.validXml(Kind.ERRORS, unavailable.body());
        KEYCLOAK.down(false);
        assertThat(post("/open311/v2/requests.json", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "lat", "33.6012", "long", "119.0213").status()).as("an unavailable Keycloak is not remembered").isEqualTo(201);
    }

    // Bad input

    @Test
    void givenAnUnknownServiceCode_whenPostedOrDefinedOrSearched_thenTheErrorListSays400Or404() {
        Answer posted = post("/open311/v2/requests.json", "api_key", KEY, "service_code", "NO_SUCH_SERVICE",
                "lat", "33.6012", "long", "119.0213");
        Answer postedXml = post("/open311/v2/requests.xml", "api_key", KEY, "service_code", "ELDERLY_ASSISTANCE",
                "lat", "33.6012", "long", "119.0213");
        Answer defined = get("/open311/v2/services/NO_SUCH_SERVICE.json");
        Answer definedXml = get("/open311/v2/services/ELDERLY_ASSISTANCE.xml");
        Answer searched = get("/open311/v2/requests.json?service_code=NO_SUCH_SERVICE");

        expectErrors(posted, 400, "service_code 'NO_SUCH_SERVICE' not found");
        expectErrors(postedXml, 400, "service_code 'ELDERLY_ASSISTANCE' not found");
        expectErrors(defined, 404, "service_code 'NO_SUCH_SERVICE' not found");
        expectErrors(definedXml, 404, "service_code 'ELDERLY_ASSISTANCE' not found");
        expectErrors(searched, 400, "service_code 'NO_SUCH_SERVICE' not found");
    }

    @Test
    void givenNoLocation_whenARequestIsPosted_thenTheErrorListSays400() {
        expectErrors(post("/open311/v2/requests.json", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "description", "no place given"), 400, "a location is required: lat and long, or address_string");
        expectErrors(post("/open311/v2/requests.xml", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "lat", "33.6012"), 400, "lat and long must be given together");
        expectErrors(post("/open311/v2/requests.json", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "address_id", "545483"), 400, "address_id is not supported here: give lat and long, or address_string");
        expectErrors(post("/open311/v2/requests.json", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "lat", "north", "long", "119.0213"), 400, "lat must be a decimal number");
    }

    @Test
    void givenAWrongAnswerToAnAttribute_whenARequestIsPosted_thenTheErrorListNamesTheAttribute() {
        Answer wrong = post("/open311/v2/requests.json", "api_key", KEY, "service_code", "EXPOSED_RUBBISH",
                "lat", "33.6012", "long", "119.0213", "attribute[volume]", "ENORMOUS", "attribute[colour]", "red",
                "media_url", "javascript:alert(1)");

        assertThat(wrong.status()).isEqualTo(400);
        JsonNode errors = Open311Schemas.validJson(Kind.ERRORS, wrong.body());
        assertThat(errors.findValuesAsString("description")).containsExactly(
                "media_url must be an absolute http or https URL of at most 2048 characters");
        JsonNode answers = Open311Schemas.validJson(Kind.ERRORS, post("/open311/v2/requests.json", "api_key", KEY,
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213", "attribute[volume]", "ENORMOUS",
                "attribute[colour]", "red").body());
        assertThat(answers.findValuesAsString("description"))
                .anySatisfy(text -> assertThat(text).startsWith("attribute[volume] must be one of"))
                .anySatisfy(text -> assertThat(text).startsWith("attribute[colour] is not a question"));
    }

    @Test
    void givenAWindowOfMoreThan90Days_whenRequestsOrUpdatesAreSearched_thenTheErrorListSays400() {
        String window = "start_date=" + enc("2026-01-01T00:00:00+08:00") + "&end_date=" + enc("2026-04-02T00:00:00+08:00");

        expectErrors(get("/open311/v2/requests.json?" + window), 400, "start_date and end_date must not span more than 90 days");
        expectErrors(get("/open311/v2/requests.xml?" + window), 400, "start_date and end_date must not span more than 90 days");
        expectErrors(get("/open311/v2/servicerequestupdates.xml?" + window), 400,
                "start_date and end_date must not span more than 90 days");
        expectErrors(get("/open311/v2/requests.json?start_date=yesterday"), 400,
                "start_date must be a W3C date and time with its time zone, e.g. 2026-11-21T09:30:00+08:00");
        expectErrors(get("/open311/v2/requests.json?page_size=1001"), 400, "page_size must be between 1 and 1000");
        expectErrors(get("/open311/v2/requests.json?status=fixed"), 400, "status must be open, closed or open,closed");
    }

    @Test
    void givenAnotherJurisdictionOrAnUnknownResource_whenAsked_thenTheErrorListSays400Or404() {
        expectErrors(get("/open311/v2/services.json?jurisdiction_id=city.gov"), 400,
                "jurisdiction_id 'city.gov' is not served here; this endpoint serves '" + JURISDICTION + "'");
        expectErrors(post("/open311/v2/requests.xml", "jurisdiction_id", "city.gov", "api_key", KEY,
                "service_code", "EXPOSED_RUBBISH", "lat", "33.6012", "long", "119.0213"), 400,
                "jurisdiction_id 'city.gov' is not served here; this endpoint serves '" + JURISDICTION + "'");
        expectErrors(get("/open311/v2/requests/00000000-0000-0000-0000-000000000000.json"), 404,
                "service_request_id '00000000-0000-0000-0000-000000000000' not found");
        expectErrors(get("/open311/v2/services.csv"), 404, "format 'csv' is not offered: use .xml or .json");
        expectErrors(get("/open311/v2/tokens/abc.xml"), 404, "no such Open311 resource: /open311/v2/tokens/abc.xml");
    }

    // Helpers

    record Answer(int status, HttpHeaders headers, String body) {

        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    private void expectErrors(Answer answer, int status, String description) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        if (answer.contentType().startsWith("application/json")) {
            JsonNode errors = Open311Schemas.validJson(Kind.ERRORS, answer.body());
            assertThat(errors.findValuesAsString("description")).contains(description);
            assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        } else {
            assertThat(answer.contentType()).startsWith("text/xml");
            Open311Schemas.validXml(Kind.ERRORS, answer.body());
            assertThat(xpath(answer.body(), "/errors/error[1]/code")).isEqualTo(String.valueOf(status));
            assertThat(xpath(answer.body(), "count(/errors/error[description=\"" + description + "\"])")).isEqualTo("1");
        }
    }

    private String filed(String serviceCode, String lon, String lat) {
        List<String> form = new ArrayList<>(List.of("api_key", KEY, "service_code", serviceCode, "lat", lat, "long", lon,
                "description", "Open311 测试 " + serviceCode));
        if (serviceCode.equals("STRAY_DOGS")) {
            form.addAll(List.of("attribute[someoneBitten]", "false", "attribute[dogCount]", "3"));
        }
        Answer created = post("/open311/v2/requests.json", form.toArray(String[]::new));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return Open311Schemas.validJson(Kind.REQUEST_CREATED, created.body()).get(0).get("service_request_id").asString();
    }

    private int command(String id, String command, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + id + "/" + command))
                .header("Authorization", DISPATCHER).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return send(request).status();
    }

    private Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build());
    }

    private Answer get(String path, String bearer) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", bearer).GET().build());
    }

    private Answer post(String path, String... pairs) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(enc(pairs[i])).append('=').append(enc(pairs[i + 1]));
        }
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asString("").equals(value)) {
                return item;
            }
        }
        throw new AssertionError("No item with " + field + " = " + value + " in " + array);
    }

    static String xpath(String xml, String expression) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            Object value = XPathFactory.newInstance().newXPath().evaluate(expression, document, XPathConstants.STRING);
            String text = String.valueOf(value);
            return text.endsWith(".0") && expression.startsWith("count(") ? text.substring(0, text.length() - 2) : text;
        } catch (Exception e) {
            throw new AssertionError("Cannot evaluate " + expression + " on " + xml, e);
        }
    }
}
