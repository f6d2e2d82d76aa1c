package org.grassroots.caseservice.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.cases.CaseStatus;
import org.grassroots.contracts.orgs.DepartmentFacts;
import org.grassroots.contracts.orgs.DepartmentUpdated;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Checked targets (issue 18): case-service's read model of departments, party members and grid staff, built
 * from org-events and grid-events on the real broker, and the 400s of dispatch, whistle and report-in to a
 * target it does not know or that is retired. Its own consumer group, so it reads the topics from the start.
 */
@ServiceIntegrationTest(properties = "spring.kafka.consumer.group-id=case-service-checked-targets-it")
class CheckedTargetsIT {

    static final String GROUP = "case-service-checked-targets-it-targets";
    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String RUBBISH = """
            {"categoryCode": "EXPOSED_RUBBISH", "description": "城南小区东门垃圾堆放三天无人清运",
             "point": {"lon": 119.0213, "lat": 33.6012}, "locationDescription": "城南小区东门外"}
            """;
    static final String RESIDENT = TestTokens.resident("resident-1", CHENGNAN).bearer();
    static final String DISPATCHER = TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer();

    @LocalServerPort
    int port;

    @Autowired
    TargetDirectory directory;

    @Autowired
    TargetFollower follower;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
        KnownTargets.registerAndAwait(directory);
    }

    @Test
    void givenAnUnknownDepartment_whenDispatchedTo_thenTheAnswerIs400NamingTheAssigneeId() {
        String id = acceptedCase();

        post(id, "dispatch", DISPATCHER, toDepartment("dept-nobody-" + UUID.randomUUID()))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:grassroots:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("assignee.id")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).contains("not a department"));
        assertThat(status(id)).isEqualTo(CaseStatus.ACCEPTED.name());
    }

    @Test
    void givenAnUnknownPartyMemberOrGridWorker_whenDispatchedTo_thenTheAnswerIs400NamingTheAssigneeId() {
        String id = acceptedCase();

        post(id, "dispatch", DISPATCHER, "{\"assignee\": {\"kind\": \"PARTY_MEMBER\", \"id\": \"no-such-member\"}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("assignee.id");
        post(id, "dispatch", DISPATCHER, "{\"assignee\": {\"kind\": \"GRID_WORKER\", \"id\": \"" + KnownTargets.PARTY_MEMBER + "\"}}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("assignee.id");
        post(id, "dispatch", DISPATCHER, "{\"assignee\": {\"kind\": \"GRID_WORKER\", \"id\": \"" + KnownTargets.GRID_WORKER + "\"}}")
                .expectStatus().isOk();
    }

    @Test
    void givenADepartmentJustRegisteredWithOrgService_whenItsEventHasArrived_thenADispatchToItIsAccepted() {
        String code = "dept-new-" + UUID.randomUUID().toString().substring(0, 8);
        String id = acceptedCase();
        post(id, "dispatch", DISPATCHER, toDepartment(code)).expectStatus().isBadRequest();

        KnownTargets.publish(KnownTargets.department(code, 1, true));

        await().atMost(Duration.ofSeconds(30)).until(() ->
                post(id, "dispatch", DISPATCHER, toDepartment(code)).returnResult().getStatus().value() == 200);
        assertThat(status(id)).isEqualTo(CaseStatus.DISPATCHED.name());
    }

    @Test
    void givenWhistleAndReportIn_whenADepartmentIsUnknownOrRetired_thenTheAnswerIs400NamingTheField() {
        String retired = "dept-old-" + UUID.randomUUID().toString().substring(0, 8);
        KnownTargets.publish(KnownTargets.department(retired, 1, true));
        KnownTargets.publish(KnownTargets.retired(retired, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isRetiredDepartment(retired));
        String id = acceptedCase();

        post(id, "whistle", DISPATCHER, "{\"departmentIds\": [\"dept-urban\", \"" + retired + "\", \"dept-nobody\"], \"reason\": \"占道经营\"}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("departmentIds[1]")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).contains("retired"))
                .jsonPath("$.errors[1].field").isEqualTo("departmentIds[2]");
        post(id, "whistle", DISPATCHER, "{\"departmentIds\": [\"dept-urban\"], \"reason\": \"占道经营\"}").expectStatus().isOk();


        // Summoned while active, retired before it reported in: its staff may no longer report in.
        String leaving = "dept-leaving-" + UUID.randomUUID().toString().substring(0, 8);
        KnownTargets.publish(KnownTargets.department(leaving, 1, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isActiveDepartment(leaving));
        post(id, "whistle", DISPATCHER, "{\"departmentIds\": [\"" + leaving + "\"], \"reason\": \"需要协同\"}").expectStatus().isOk();
        KnownTargets.publish(KnownTargets.retired(leaving, 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isRetiredDepartment(leaving));

        post(id, "report-in", TestTokens.departmentStaff("leaving-1", leaving, "/qjp").bearer(), "{}")
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("departmentId")
                .jsonPath("$.errors[0].reason").value(reason -> assertThat((String) reason).contains("retired"));
        post(id, "report-in", TestTokens.departmentStaff("urban-1", "dept-urban", "/qjp").bearer(), "{}").expectStatus().isOk();
    }

    @Test
    void givenADepartmentRetiredAfterADispatch_whenTheDispatcherLooks_thenItsOpenCasesAreListedForRedispatch() {
        String code = "dept-closing-" + UUID.randomUUID().toString().substring(0, 8);
        KnownTargets.publish(KnownTargets.department(code, 1, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isActiveDepartment(code));
        String id = acceptedCase();
        post(id, "dispatch", DISPATCHER, toDepartment(code)).expectStatus().isOk();
        String other = acceptedCase();
        post(other, "dispatch", DISPATCHER, toDepartment("dept-urban")).expectStatus().isOk();

        KnownTargets.publish(KnownTargets.retired(code, 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> directory.isRetiredDepartment(code));
        List<String> listed = client.get().uri("/api/cases/redispatch?size=100").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectStatus().isOk().expectBody(Page.class).returnResult().getResponseBody()
                .items().stream().map(Item::id).toList();
        assertThat(listed).contains(id).doesNotContain(other);
        assertThat(status(id)).as("still open, in the retired department's name").isEqualTo(CaseStatus.DISPATCHED.name());
        client.get().uri("/api/cases/redispatch").header(HttpHeaders.AUTHORIZATION, RESIDENT).exchange().expectStatus().isForbidden();

        // 改派: the dispatcher dispatches it again, without waiting for a return nobody will make.
        post(id, "dispatch", DISPATCHER, toDepartment(code)).expectStatus().isBadRequest();
        post(id, "dispatch", DISPATCHER, toDepartment("dept-urban")).expectStatus().isOk();
        post(other, "dispatch", DISPATCHER, toDepartment("dept-housing")).expectStatus().isEqualTo(409);
        assertThat(status(id)).isEqualTo(CaseStatus.DISPATCHED.name());
        assertThat(client.get().uri("/api/cases/redispatch?size=100").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectBody(Page.class).returnResult().getResponseBody().items()).extracting(Item::id)
                .doesNotContain(id);
        client.get().uri("/api/cases/targets/departments?size=500").header(HttpHeaders.AUTHORIZATION, DISPATCHER)
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.code == '" + code + "')].active").isEqualTo(List.of(false))
                .jsonPath("$.items[?(@.code == 'dept-urban')].active").isEqualTo(List.of(true));
    }

    @Test
    void givenADepartmentsEventsArrivingOutOfOrder_whenDepartmentsAreListed_thenEachIsThereOnceAtItsNewestVersion() {
        String code = "dept-order-" + UUID.randomUUID().toString().substring(0, 8);
        KnownTargets.publish(KnownTargets.department(code, 1, true));
        KnownTargets.publish(KnownTargets.retired(code, 3));
        KnownTargets.publish(new DepartmentUpdated(code, 2, "/qjp", Instant.parse("2026-01-05T02:00:00Z"),
                new DepartmentFacts(code, "测试部门 " + code, "TEST", List.of(), "/qjp", true)));
        await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection(TargetDirectory.COLLECTION)
                .countDocuments(new Document(TargetRecord.KIND, TargetKind.DEPARTMENT.name()).append(TargetRecord.KEY, code)) == 3);

        List<TargetDirectory.DepartmentState> departments = directory.departments();

        assertThat(departments).filteredOn(d -> d.code().equals(code)).singleElement()
                .isEqualTo(new TargetDirectory.DepartmentState(code, false, "/qjp"));
        assertThat(departments).extracting(TargetDirectory.DepartmentState::code).doesNotHaveDuplicates()
                .contains("dept-urban").isSorted();
        assertThat(directory.retiredDepartments()).contains(code).doesNotContain("dept-urban");
        assertThat(directory.snapshot().get("DEPARTMENT/" + code).version()).isEqualTo(3);
    }

    @Test
    void givenTheOrgAndGridEvents_whenReplayedIntoAnEmptyStoreTwice_thenTheReadModelIsTheSame() {
        awaitCaughtUp();
        Map<String, TargetRecord> before = directory.snapshot();
        assertThat(before).containsKeys("DEPARTMENT/dept-urban", "PARTY_MEMBER/m-" + KnownTargets.PARTY_MEMBER,
                "GRID_STAFF/a-" + KnownTargets.GRID_WORKER);

        mongo.getCollection(TargetDirectory.COLLECTION).deleteMany(new Document());
        assertThat(directory.snapshot()).isEmpty();
        List<ConsumerRecord<String, byte[]>> history = readFromTheStart(List.of(Topics.ORG_EVENTS, Topics.GRID_EVENTS));
        history.forEach(follower::on);
        Map<String, TargetRecord> replayed = directory.snapshot();
        history.forEach(follower::on);

        assertThat(replayed).isEqualTo(before);
        assertThat(directory.snapshot()).as("delivered again: nothing changes").isEqualTo(before);
    }

    private void awaitCaughtUp() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers());
        try (Admin admin = Admin.create(config)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                for (String topic : List.of(Topics.ORG_EVENTS, Topics.GRID_EVENTS)) {
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                            .forEach(partition -> latest.put(new TopicPartition(topic, partition.partition()), OffsetSpec.latest()));
                }
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                        || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
            });
        }
    }

    private static List<ConsumerRecord<String, byte[]>> readFromTheStart(List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            topics.forEach(topic -> consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
            });
        }
        return records;
    }

    private String acceptedCase() {
        String id = client.post().uri("/api/cases").header(HttpHeaders.AUTHORIZATION, RESIDENT)
                .contentType(MediaType.APPLICATION_JSON).body(RUBBISH).exchange()
                .expectStatus().isCreated().expectBody(Item.class).returnResult().getResponseBody().id();
        post(id, "accept", DISPATCHER, "{}").expectStatus().isOk();
        return id;
    }

    private String status(String id) {
        return client.get().uri("/api/cases/" + id).header(HttpHeaders.AUTHORIZATION, DISPATCHER).exchange()
                .expectStatus().isOk().expectBody(Item.class).returnResult().getResponseBody().status();
    }

    private static String toDepartment(String code) {
        return "{\"assignee\": {\"kind\": \"DEPARTMENT\", \"id\": \"" + code + "\", \"displayName\": \"某部门\"}}";
    }

    private RestTestClient.ResponseSpec post(String id, String command, String bearer, String body) {
        return client.post().uri("/api/cases/" + id + "/" + command).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    record Item(String id, String status) {
    }

    record Page(List<Item> items) {
    }
}
