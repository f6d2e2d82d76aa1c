package org.grassroots.caseservice.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.CloudEventHeaders;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.grassroots.testsupport.TopicProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Two SLA scanner instances on one store, on a clock the test moves: each threshold of a case is
 * reported once, whichever instance gets there, and a scanner started afresh (as after a restart)
 * finds nothing left to report. The calendar here works every day around the clock, so the test
 * can play the last three hours again: a rubbish case accepted three hours ago must be claimed
 * within two hours, 50% after one hour, 75% after 90 minutes, overdue after two. The clock stays in
 * the recent past because Kafka refuses records stamped more than an hour ahead of its own clock,
 * and its retention drops records stamped long ago.
 */
@ServiceIntegrationTest(properties = {
        "grassroots.sla.calendar.zone=UTC",
        "grassroots.sla.calendar.working-periods=00:00-23:59",
        "grassroots.sla.calendar.working-weekdays=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY",
        "grassroots.sla.calendar.holidays=2000-01-01",
        "grassroots.sla.calendar.make-up-workdays=2000-01-02"})
@Import(SlaScannerIT.MovableClock.class)
class SlaScannerIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    CaseRepository repository;

    @Autowired
    MovableClock.Hands clock;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenTwoScanners_whenTheyScanAsTimePasses_thenEachThresholdIsReportedOnceAndAFreshScannerFindsNothingLeft() throws Exception {
        Instant accepted = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        clock.set(accepted.minus(Duration.ofMinutes(5)));
        String id = reportAndAccept(accepted);
        SlaScanner first = new SlaScanner(mongo, repository, clock, new SlaScannerProperties(null, Duration.ofMinutes(1), true));
        SlaScanner second = new SlaScanner(mongo, repository, clock, new SlaScannerProperties(null, Duration.ofMinutes(1), true));

        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.CASE_EVENTS)) {
            clock.set(accepted.plus(Duration.ofMinutes(58)));
            assertThat(both(first, second)).isZero();
            clock.set(accepted.plus(Duration.ofMinutes(62)));
            assertThat(both(first, second)).isEqualTo(1);
            clock.set(accepted.plus(Duration.ofMinutes(125)));
            assertThat(both(first, second)).isEqualTo(4);
            SlaScanner afterRestart = new SlaScanner(mongo, repository, clock, new SlaScannerProperties(null, Duration.ofMinutes(1), true));
            clock.set(accepted.plus(Duration.ofMinutes(170)));
            assertThat(afterRestart.scan()).isZero();

            probe.awaitRecords(record -> id.equals(record.key()) && slaSignal(record), 5, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> ofThisCase = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(record -> id.equals(record.key()) && slaSignal(record)).toList();
            assertThat(ofThisCase).extracting(record -> TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .containsExactly("org.grassroots.case.sla-warning", "org.grassroots.case.sla-warning",
                            "org.grassroots.case.overdue", "org.grassroots.case.escalated",
                            "org.grassroots.case.supervised");
        }
        client.get().uri("/api/cases/" + id)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.overdue").isEqualTo(true)
                .jsonPath("$.supervised").isEqualTo(true)
                .jsonPath("$.level").isEqualTo("COMMUNITY");
        client.get().uri("/api/cases?overdue=true&size=100")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.id == '" + id + "')]").exists();
    }

    @Test
    void givenACaseWaitingForTheResident_whenScanned_thenItIsNotReportedWhileItsClockIsPaused() {
        Instant accepted = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        clock.set(accepted.minus(Duration.ofMinutes(5)));
        String id = reportAndAccept(accepted);
        clock.set(accepted.plus(Duration.ofMinutes(30)));
        client.post().uri("/api/cases/" + id + "/pause")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{\"reason\": \"等待居民补充照片\"}")
                .exchange().expectStatus().isOk();
        SlaScanner scanner = new SlaScanner(mongo, repository, clock, new SlaScannerProperties(null, Duration.ofMinutes(1), true));

        clock.set(accepted.plus(Duration.ofMinutes(170)));

        assertThat(repository.find(id).orElseThrow().checkSla(clock.instant())).isEmpty();
        assertThat(scanner.scan()).isZero();
    }

    private static boolean slaSignal(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, CloudEventHeaders.TYPE);
        return !type.endsWith(".reported") && !type.endsWith(".accepted");
    }

    /** Runs both scanners at the same moment and adds up the events they produced. */
    private static int both(SlaScanner first, SlaScanner second) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> a = () -> {
                start.await();
                return first.scan();
            };
            Callable<Integer> b = () -> {
                start.await();
                return second.scan();
            };
            Future<Integer> fa = pool.submit(a);
            Future<Integer> fb = pool.submit(b);
            start.countDown();
            return fa.get(30, TimeUnit.SECONDS) + fb.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private String reportAndAccept(Instant acceptAt) {
        String id = client.post().uri("/api/cases")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.resident("resident-1", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"categoryCode": "EXPOSED_RUBBISH", "description": "垃圾堆积", "point": {"lon": 119.0213, "lat": 33.6012}}
                        """)
                .exchange().expectStatus().isCreated().expectBody(IdView.class).returnResult().getResponseBody().id();
        clock.set(acceptAt);
        client.post().uri("/api/cases/" + id + "/accept")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.staff("dispatcher-1", "community_staff", CHENGNAN).bearer())
                .contentType(MediaType.APPLICATION_JSON).body("{}").exchange().expectStatus().isOk();
        return id;
    }

    record IdView(String id) {
    }

    /** The service's clock, moved by the test. */
    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClock {

        @Bean
        Hands clock() {
            return new Hands();
        }

        static final class Hands extends Clock {

            private volatile Instant now = Instant.parse("2026-11-16T00:00:00Z");

            void set(Instant instant) {
                now = instant;
            }

            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(now, zone);
            }
        }
    }
}
