package org.grassroots.gridservice.households;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.gridservice.TestArea;
import org.grassroots.gridservice.pii.PiiAudit;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Households, persons and pairing: personal data encrypted at rest, masked for roles that do not need
 * it, shown in full and audited for those that do, and absent from events and logs.
 */
@ServiceIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HouseholdsIT {

    static final String ADMIN = TestArea.DISTRICT_ADMIN;
    // Obviously fictional: 1950-01-01, sequence 123 in 清江浦区; the check character is computed.
    static final String ID_NUMBER = idNumber("32081219500101123");
    static final String PHONE = "13800005678";
    static final String NAME = "测试居民甲";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;
    TestArea area;
    String grid;
    String worker;
    String streetStaff;
    String dispatcher;

    @BeforeEach
    void setUp() {
        client = TestArea.client(port);
        area = TestArea.fresh(mongo);
        grid = area.drawGrid(client, 1, "住户测试网格", area.square(0, 0, 0.01));
        worker = area.staff("worker-" + grid, "grid_worker");
        dispatcher = area.staff("dispatcher-" + grid, "community_staff");
        streetStaff = TestTokens.staff("street-" + grid, "street_staff", "/qjp/qjp-pulou").bearer();
    }

    @Test
    void givenAPersonRegistered_thenEncryptedAtRestMaskedForStreetStaffFullAndAuditedForTheGridWorker(
            CapturedOutput output) {
        String household = register("3幢", "2单元", "501");
        addPerson(household, NAME, ID_NUMBER, PHONE).expectStatus().isCreated();

        Document stored = mongo.getCollection("households").find(new Document("_id", household)).first();
        assertThat(stored.toJson()).doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(NAME);

        client.get().uri("/api/households/" + household).header(HttpHeaders.AUTHORIZATION, streetStaff).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.unmasked").isEqualTo(false)
                .jsonPath("$.persons[0].idNumber").isEqualTo("320*************" + ID_NUMBER.substring(16))
                .jsonPath("$.persons[0].phone").isEqualTo("138****5678")
                .jsonPath("$.persons[0].name").isEqualTo("测****")
                .jsonPath("$.room").isEqualTo("*");
        long auditsBefore = audits(household);

        client.get().uri("/api/households/" + household).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.unmasked").isEqualTo(true)
                .jsonPath("$.persons[0].idNumber").isEqualTo(ID_NUMBER)
                .jsonPath("$.persons[0].phone").isEqualTo(PHONE)
                .jsonPath("$.persons[0].tags[0]").isEqualTo("ELDERLY_LIVING_ALONE");

        assertThat(audits(household)).isEqualTo(auditsBefore + 1);
        assertThat(output.getAll()).contains("Unmasked personal data of 1 person(s) in household(s) [" + household)
                .doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain(NAME).doesNotContain("3幢");
    }

    @Test
    void givenAHousehold_whenLookedUpBothWays_thenFoundByRoomAndByIdOrPhoneWithinTheArea() {
        String household = register("5幢", "1单元", "102");
        String number = idNumber("32081219610203456");
        addPerson(household, "测试居民乙", number, "13900001111").expectStatus().isCreated();

        client.get().uri("/api/households?gridCode={g}&building=5幢&unit=1单元&room=102", grid)
                .header(HttpHeaders.AUTHORIZATION, worker).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].persons[0].name").isEqualTo("测试居民乙");
        client.post().uri("/api/households/search").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("idNumber", number)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].id").isEqualTo(household).jsonPath("$.items[0].room").isEqualTo("102");
        client.post().uri("/api/households/search").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("phone", "13900001111")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items[0].id").isEqualTo(household);

        String elsewhere = TestTokens.staff("worker-x", "grid_worker", "/qjp/qjp-changxi/qjp-changxi-huaihai").bearer();
        client.post().uri("/api/households/search").header(HttpHeaders.AUTHORIZATION, elsewhere)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("idNumber", number)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        client.get().uri("/api/households/" + household).header(HttpHeaders.AUTHORIZATION, elsewhere).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/households/" + household)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", area.staffPath()).bearer())
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void givenMoreHouseholdsThanAPage_whenReadPageByPage_thenEachActiveOneOnceInAddressOrderAndTheTotalSaysHowMany() {
        List<String> registered = new java.util.ArrayList<>();
        for (String room : List.of("101", "102", "201", "202", "301")) {
            registered.add(register("8幢", "1单元", room));
        }
        String movedOut = register("8幢", "1单元", "150");
        post("/api/households/" + movedOut + "/move-out", worker, Map.of("reason", "迁往外区")).expectStatus().isOk();

        for (String list : List.of("/api/households?gridCode={g}&building=8幢", "/api/households/unpaired?gridCode={g}")) {
            List<Object> read = new java.util.ArrayList<>();
            for (int page = 0; page < 3; page++) {
                Map<?, ?> answer = client.get().uri(list + "&size=2&page={p}", grid, page)
                        .header(HttpHeaders.AUTHORIZATION, worker).exchange().expectStatus().isOk()
                        .expectBody(Map.class).returnResult().getResponseBody();
                assertThat(answer.get("totalItems")).as(list).isEqualTo(5);
                assertThat(answer.get("page")).isEqualTo(page);
                assertThat(answer.get("size")).isEqualTo(2);
                ((List<?>) answer.get("items")).forEach(item -> read.add(((Map<?, ?>) item).get("id")));
            }
            assertThat(read).as(list).containsExactlyElementsOf(registered);
        }
        client.get().uri("/api/households?gridCode=" + grid).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.size").isEqualTo(20);
    }

    @Test
    void givenABadPageOrSize_whenAHouseholdListIsRead_then400NamingTheField() {
        client.get().uri("/api/households?gridCode=" + grid + "&size=501").header(HttpHeaders.AUTHORIZATION, worker)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/households/unpaired?gridCode=" + grid + "&size=0")
                .header(HttpHeaders.AUTHORIZATION, worker).exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("size");
        client.get().uri("/api/households/paired-with/me?page=-1").header(HttpHeaders.AUTHORIZATION, worker)
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page");
        post("/api/households/search?size=501", worker, Map.of("phone", PHONE)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void givenBadIdOrPhoneNumbers_whenRegisteringAPerson_then400NamingTheFieldWithoutEchoingTheNumber() {
        String household = register("1幢", "1单元", "101");
        String wrongCheck = ID_NUMBER.substring(0, 17) + (ID_NUMBER.charAt(17) == '1' ? "2" : "1");

        addPerson(household, "测试居民丙", wrongCheck, "12345").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("idNumber")
                .jsonPath("$.errors[0].reason").isEqualTo("its check character is wrong")
                .jsonPath("$.errors[1].field").isEqualTo("phone")
                .consumeWith(result -> assertThat(new String(result.getResponseBodyContent(), StandardCharsets.UTF_8))
                        .doesNotContain(wrongCheck));
    }

    @Test
    void givenAPartyMemberPaired_thenTheEventCarriesNoPersonalDataTheMemberSeesTheAddressButMaskedNumbers() {
        String household = register("7幢", "3单元", "602");
        addPerson(household, "测试居民丁", ID_NUMBER, PHONE).expectStatus().isCreated();
        String member = "member-" + grid;

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.GRID_EVENTS)) {
            pair(household, member, false).expectStatus().isOk().expectBody()
                    .jsonPath("$.pairedMemberId").isEqualTo(member);

            List<ConsumerRecord<String, byte[]>> paired = probe.awaitRecords(record -> household.equals(record.key())
                    && "org.grassroots.grid.household-paired".equals(TopicProbe.header(record, "ce_type")), 1,
                    Duration.ofSeconds(30));
            assertThat(new String(paired.get(0).value(), StandardCharsets.UTF_8))
                    .contains(member).contains(grid)
                    .doesNotContain(ID_NUMBER).doesNotContain(PHONE).doesNotContain("测试居民丁")
                    .doesNotContain("7幢").doesNotContain("\"602\"");
        }

        String memberToken = TestTokens.user(member).roles("party_member").orgPath(area.staffPath()).bearer();
        client.get().uri("/api/households/paired-with/me").header(HttpHeaders.AUTHORIZATION, memberToken).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[0].room").isEqualTo("602")
                .jsonPath("$.items[0].persons[0].name").isEqualTo("测试居民丁")
                .jsonPath("$.items[0].persons[0].phone").isEqualTo("138****5678")
                .jsonPath("$.items[0].unmasked").isEqualTo(false);
        pair(household, "another-member", false).expectStatus().isEqualTo(409);
        client.get().uri("/api/households/unpaired?gridCode=" + grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + household + "')]").doesNotExist();
    }

    @Test
    void givenAMemberWithTenHouseholds_whenAnEleventhIsPaired_then409ButACentralHouseholdTakesIt() {
        String member = "busy-member-" + grid;
        for (int room = 1; room <= 10; room++) {
            pair(register("9幢", "1单元", "10" + room), member, false).expectStatus().isOk();
        }
        String eleventh = register("9幢", "2单元", "201");

        pair(eleventh, member, false).expectStatus().isEqualTo(409);
        client.get().uri("/api/households/paired-with/" + member + "/load").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.households").isEqualTo(10).jsonPath("$.withinTarget").isEqualTo(true);
        client.get().uri("/api/households/unpaired?gridCode=" + grid).header(HttpHeaders.AUTHORIZATION, dispatcher)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.items[0].id").isEqualTo(eleventh);

        String central = "central-member-" + grid;
        pair(eleventh, central, true).expectStatus().isOk().expectBody().jsonPath("$.pairedCentral").isEqualTo(true);
    }

    @Test
    void givenCallersOutsideTheArea_whenRegisteringOrPairing_thenForbidden() {
        String otherWorker = TestTokens.staff("worker-y", "grid_worker", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer();
        client.post().uri("/api/households").header(HttpHeaders.AUTHORIZATION, otherWorker)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("gridCode", grid, "building", "1幢", "unit", "1单元", "room", "999"))
                .exchange().expectStatus().isForbidden();
        String household = register("2幢", "1单元", "301");
        client.post().uri("/api/households/" + household + "/pairing").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("memberId", "m-1"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void givenAHouseholdCorrectedAndMovedOut_whenItsHistoryIsRead_thenEachStepWithItsReasonAndNoPersonalData() {
        String household = register("5幢", "1单元", "101");
        addPerson(household, NAME, ID_NUMBER, PHONE).expectStatus().isCreated();
        Map<?, ?> read = client.get().uri("/api/households/" + household).header(HttpHeaders.AUTHORIZATION, worker)
                .exchange().expectBody(Map.class).returnResult().getResponseBody();
        String person = ((Map<?, ?>) ((List<?>) read.get("persons")).get(0)).get("id").toString();
        String corrected = idNumber("32081219500101124");

        post("/api/households/" + household + "/correct", worker, Map.of("room", "102", "reason", "登记时门牌号写错"))
                .expectStatus().isOk().expectBody().jsonPath("$.room").isEqualTo("102");
        post("/api/households/" + household + "/persons/" + person + "/correct", worker,
                Map.of("name", "测试居民乙", "idNumber", corrected, "reason", "身份证号录入有误"))
                .expectStatus().isOk().expectBody().jsonPath("$.persons[0].idNumber").isEqualTo(corrected)
                .jsonPath("$.persons[0].name").isEqualTo("测试居民乙");
        post("/api/households/" + household + "/move-out", worker, Map.of("reason", "全家迁往外区"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("MOVED_OUT");

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> history = (List<Map<String, Object>>) client.get()
                .uri("/api/households/" + household + "/history").header(HttpHeaders.AUTHORIZATION, streetStaff)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(history).extracting(h -> h.get("kind"))
                .containsExactly("REGISTERED", "PERSON_ADDED", "ADDRESS_CORRECTED", "PERSON_CORRECTED", "MOVED_OUT");
        assertThat(history).extracting(h -> h.get("reason"))
                .containsExactly(null, null, "登记时门牌号写错", "身份证号录入有误", "全家迁往外区");
        assertThat(history.get(2).get("fields")).isEqualTo(List.of("room"));
        assertThat(history.get(3).get("fields")).isEqualTo(List.of("name", "idNumber"));
        assertThat(history.get(3).get("personId")).isEqualTo(person);
        assertThat(history.toString()).doesNotContain(corrected).doesNotContain(ID_NUMBER).doesNotContain("测试居民");

        Document stored = mongo.getCollection("households").find(new Document("_id", household)).first();
        assertThat(stored.toJson()).doesNotContain(corrected).doesNotContain("测试居民乙");
        // Moved out: no longer found by address or by person, no longer counted, changed no more.
        client.get().uri("/api/households?gridCode={g}&building=5幢", grid).header(HttpHeaders.AUTHORIZATION, worker)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.totalItems").isEqualTo(0);
        post("/api/households/search", worker, Map.of("idNumber", corrected)).expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        post("/api/households/" + household + "/correct", worker, Map.of("room", "103", "reason", "x"))
                .expectStatus().isEqualTo(409);
        post("/api/households/" + household + "/move-out", worker, Map.of("reason", "x")).expectStatus().isEqualTo(409);
        register("5幢", "1单元", "102");
    }

    @Test
    void givenHouseholdCommands_whenCalledWithoutReasonOutsideTheAreaOrByAGridWorkerRemoving_thenRefused() {
        String household = register("6幢", "1单元", "101");
        String otherWorker = TestTokens.staff("worker-z", "grid_worker", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer();

        post("/api/households/" + household + "/move-out", worker, Map.of()).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("/api/households/" + household + "/move-out", otherWorker, Map.of("reason", "x")).expectStatus().isNotFound();
        post("/api/households/" + household + "/move-out", streetStaff, Map.of("reason", "x")).expectStatus().isForbidden();
        post("/api/households/" + household + "/remove", worker, Map.of("reason", "重复登记")).expectStatus().isForbidden();
        pair(household, "m-" + household, false).expectStatus().isOk();
        post("/api/households/" + household + "/remove", dispatcher, Map.of("reason", "重复登记"))
                .expectStatus().isEqualTo(409);
        post("/api/households/" + household + "/unpair", dispatcher, Map.of()).expectStatus().isOk();
        post("/api/households/" + household + "/remove", dispatcher, Map.of("reason", "重复登记", "version", 1))
                .expectStatus().isEqualTo(409);
        post("/api/households/" + household + "/remove", dispatcher, Map.of("reason", "重复登记"))
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("REMOVED");
        pair(household, "m-" + household, false).expectStatus().isEqualTo(409);
    }

    @Test
    void givenUnmaskedReads_whenTheAuditIsRead_thenTheDistrictAdminOfTheAreaSeesThemAndOthersDoNot() {
        String household = register("7幢", "1单元", "101");
        addPerson(household, NAME, ID_NUMBER, PHONE).expectStatus().isCreated();
        client.get().uri("/api/households/" + household).header(HttpHeaders.AUTHORIZATION, worker).exchange()
                .expectStatus().isOk();

        client.get().uri("/api/pii-audit?householdId=" + household).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.totalItems").isEqualTo(2)
                .jsonPath("$.items[0].purpose").isEqualTo("read household")
                .jsonPath("$.items[0].userId").isEqualTo("worker-" + grid)
                .jsonPath("$.items[0].fields[0]").isEqualTo("idNumber");
        String otherDistrict = TestTokens.user("district-admin-2").roles("district_admin").orgPath("/other").bearer();
        client.get().uri("/api/pii-audit?householdId=" + household).header(HttpHeaders.AUTHORIZATION, otherDistrict)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.totalItems").isEqualTo(0);
        client.get().uri("/api/pii-audit").header(HttpHeaders.AUTHORIZATION, dispatcher).exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/pii-audit?size=501").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    RestTestClient.ResponseSpec post(String uri, String bearer, Object body) {
        return client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).contentType(MediaType.APPLICATION_JSON)
                .body(body).exchange();
    }

    String register(String building, String unit, String room) {
        return client.post().uri("/api/households").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("gridCode", grid, "building", building, "unit", unit, "room", room))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    RestTestClient.ResponseSpec addPerson(String household, String name, String idNumber, String phone) {
        return client.post().uri("/api/households/" + household + "/persons").header(HttpHeaders.AUTHORIZATION, worker)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "relation", "户主", "idNumber", idNumber, "phone", phone, "tags",
                        List.of("ELDERLY_LIVING_ALONE")))
                .exchange();
    }

    RestTestClient.ResponseSpec pair(String household, String member, boolean central) {
        return client.post().uri("/api/households/" + household + "/pairing").header(HttpHeaders.AUTHORIZATION, dispatcher)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("memberId", member, "centralHousehold", central))
                .exchange();
    }

    long audits(String household) {
        return mongo.getCollection(PiiAudit.COLLECTION).countDocuments(new Document("householdIds", household));
    }

    static String idNumber(String first17) {
        return first17 + PersonalIds.checkCharacter(first17);
    }
}
