package org.grassroots.volunteerservice.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.grassroots.contracts.cases.AssigneeKind;
import org.grassroots.testsupport.PlatformInfrastructureInitializer;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.volunteerservice.CaseEventFixtures;
import org.grassroots.volunteerservice.VolunteerServiceApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpHeaders;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Points from {@code case-events}, applied exactly once: a redelivered event adds nothing, and
 * the whole topic replayed into a fresh service gives the same balances.
 */
@ServiceIntegrationTest
class PointsFromCaseEventsIT {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    final CaseEventFixtures events = new CaseEventFixtures();
    final String partyMember = "pm-" + UUID.randomUUID();
    final String gridWorker = "gw-" + UUID.randomUUID();
    final String marker = "marker-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    PointsLedger ledger;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenEveryCaseEventDeliveredTwice_whenConsumed_thenEachAwardCountsOnce() throws Exception {
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        String caseC = UUID.randomUUID().toString();
        List<ProducerRecord<String, byte[]>> history = List.of(
                events.reportedByStaff(caseA, gridWorker),
                events.accepted(caseA),
                events.closedOnTime(caseA, AssigneeKind.PARTY_MEMBER, partyMember),
                events.closedOnTime(caseB, AssigneeKind.GRID_WORKER, gridWorker),
                events.overdue(caseC, AssigneeKind.PARTY_MEMBER, partyMember),
                events.closedLate(caseC, partyMember),
                events.closedOnTime(caseC, AssigneeKind.DEPARTMENT, "dept-housing"));

        sendAll(history);
        sendAll(history.stream().map(CaseEventFixtures::again).toList());
        // After the duplicates, on the same partitions: once these count, the duplicates were read.
        for (String caseId : List.of(caseA, caseB, caseC)) {
            send(events.closedOnTime(caseId, AssigneeKind.PARTY_MEMBER, marker));
        }
        await().atMost(PATIENCE).until(() -> ledger.statement(marker, ledger.currentYear(), new Criteria())
                .lines().size() == 3);

        // party member: +5 on time (case A), -3 overdue (case C), nothing for the late closing
        assertThat(myPoints(partyMember)).containsEntry("balance", 2).containsEntry("stars", 0);
        // grid worker: +2 report accepted (case A), +5 on time (case B)
        assertThat(myPoints(gridWorker)).containsEntry("balance", 7);
        assertThat(ruleCounts(partyMember)).isEqualTo(Map.of(RuleCodes.CASE_HANDLED_ON_TIME, 1L,
                RuleCodes.CASE_OVERDUE, 1L));
        assertThat(ruleCounts(gridWorker)).isEqualTo(Map.of(RuleCodes.REPORT_ACCEPTED, 1L,
                RuleCodes.CASE_HANDLED_ON_TIME, 1L));
    }

    @Test
    void givenTheWholeTopicReplayedIntoAFreshService_whenItHasCaughtUp_thenItsBalancesAreTheSame() throws Exception {
        String caseA = UUID.randomUUID().toString();
        String caseB = UUID.randomUUID().toString();
        sendAll(List.of(
                events.reportedByStaff(caseA, gridWorker),
                events.accepted(caseA),
                events.overdue(caseA, AssigneeKind.GRID_WORKER, gridWorker),
                events.closedOnTime(caseA, AssigneeKind.GRID_WORKER, gridWorker),
                events.closedOnTime(caseB, AssigneeKind.PARTY_MEMBER, partyMember),
                events.overdue(caseB, AssigneeKind.PARTY_MEMBER, partyMember),
                events.overdue(caseB, AssigneeKind.PARTY_MEMBER, partyMember),
                events.closedOnTime(caseA, AssigneeKind.PARTY_MEMBER, marker),
                events.closedOnTime(caseB, AssigneeKind.PARTY_MEMBER, marker)));
        await().atMost(PATIENCE).until(() -> ledger.statement(marker, ledger.currentYear(), new Criteria())
                .lines().size() == 2);
        PointsStatement partyMemberHere = ledger.statement(partyMember, ledger.currentYear(), new Criteria());
        PointsStatement gridWorkerHere = ledger.statement(gridWorker, ledger.currentYear(), new Criteria());

        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(VolunteerServiceApplication.class)
                .initializers(new PlatformInfrastructureInitializer())
                // arguments, not default properties: those would lose to the platform's group id
                .run("--server.port=0", "--spring.kafka.consumer.group-id=volunteer-replay-" + UUID.randomUUID())) {
            PointsLedger replayed = fresh.getBean(PointsLedger.class);
            await().atMost(PATIENCE).until(() -> replayed.statement(marker, replayed.currentYear(), new Criteria())
                    .lines().size() == 2);

            assertThat(replayed.statement(partyMember, replayed.currentYear(), new Criteria()))
                    .isEqualTo(partyMemberHere);
            assertThat(replayed.statement(gridWorker, replayed.currentYear(), new Criteria()))
                    .isEqualTo(gridWorkerHere);
        }
        // +5 on time, -3, -2 (the floor stops the second deduction at 0)
        assertThat(partyMemberHere.balance()).isZero();
        // +2 report accepted, -2 (floor), +5 on time; the order is the events' own times
        assertThat(gridWorkerHere.lines()).hasSize(3);
    }

    private void sendAll(List<ProducerRecord<String, byte[]>> records) throws Exception {
        for (ProducerRecord<String, byte[]> record : records) {
            send(record);
        }
    }

    private void send(ProducerRecord<String, byte[]> record) throws Exception {
        kafka.send(record).get();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> myPoints(String userId) {
        return client.get().uri("/api/points/me")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user(userId).roles("party_member")
                        .orgPath(CaseEventFixtures.CHENGNAN).bearer())
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<String, Long> ruleCounts(String userId) {
        return ledger.statement(userId, ledger.currentYear(), new Criteria()).lines().stream()
                .collect(Collectors.groupingBy(line -> line.entry().rule(), Collectors.counting()));
    }
}
