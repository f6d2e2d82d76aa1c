package org.grassroots.caseservice.targets;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.grids.GridStaffAssigned;
import org.grassroots.contracts.grids.StaffPost;
import org.grassroots.contracts.grids.StaffRole;
import org.grassroots.contracts.orgs.DepartmentFacts;
import org.grassroots.contracts.orgs.DepartmentRegistered;
import org.grassroots.contracts.orgs.DepartmentUpdated;
import org.grassroots.contracts.orgs.MemberFacts;
import org.grassroots.contracts.orgs.MemberJoined;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.testsupport.PlatformInfrastructure;

/**
 * The dispatch targets the case-service tests work with, made known the way production makes them known:
 * org-service's and grid-service's events on the real broker, read by {@link TargetFollower}. A test that
 * dispatches, whistles or reports in calls {@link #registerAndAwait} first.
 */
public final class KnownTargets {

    public static final List<String> DEPARTMENTS = List.of("dept-housing", "dept-urban", "dept-ecology", "dept-market",
            "dept-water");
    /** The user id of the party member the tests dispatch to. */
    public static final String PARTY_MEMBER = "member-1";
    /** The user id of the grid worker the tests dispatch to. */
    public static final String GRID_WORKER = "grid-worker-1";

    private static final Instant REGISTERED_AT = Instant.parse("2026-01-05T01:00:00Z");
    private static final EventCodec CODEC = new EventCodec();
    private static KafkaProducer<String, byte[]> producer;

    private KnownTargets() {
    }

    /** Publishes the tests' targets (at version 1, as often as needed: harmless) and waits until case-service knows them. */
    public static void registerAndAwait(TargetDirectory directory) {
        if (allKnown(directory)) {
            return;
        }
        DEPARTMENTS.forEach(code -> publish(department(code, 1, true)));
        publish(new MemberJoined("m-" + PARTY_MEMBER, 1, "/qjp/qjp-pulou/qjp-pulou-chengnan", REGISTERED_AT,
                new MemberFacts("m-" + PARTY_MEMBER, "qjp-pulou-chengnan", "/qjp/qjp-pulou/qjp-pulou-chengnan",
                        MemberStatus.IN_SERVICE, List.of(), PARTY_MEMBER)));
        publish(new GridStaffAssigned("a-" + GRID_WORKER, 1, "/qjp/qjp-pulou/qjp-pulou-chengnan", REGISTERED_AT,
                "320812001001001", GRID_WORKER, StaffRole.FULL_TIME_WORKER, StaffPost.POST_A));
        await().atMost(Duration.ofSeconds(30)).until(() -> allKnown(directory));
    }

    public static DepartmentRegistered department(String code, long version, boolean active) {
        return new DepartmentRegistered(code, version, "/qjp", REGISTERED_AT,
                new DepartmentFacts(code, "测试部门 " + code, "TEST", List.of(), "/qjp", active));
    }

    public static DepartmentUpdated retired(String code, long version) {
        return new DepartmentUpdated(code, version, "/qjp", REGISTERED_AT.plusSeconds(version),
                new DepartmentFacts(code, "测试部门 " + code, "TEST", List.of(), "/qjp", false));
    }

    /** Publishes an event as its producing service would: key, CloudEvents headers, JSON payload. */
    public static synchronized void publish(IntegrationEvent event) {
        if (producer == null) {
            Properties config = new Properties();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, PlatformInfrastructure.kafkaBootstrapServers());
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        String topic = EventCatalog.topicOf(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.subject(), CODEC.write(event));
        Map<String, String> headers = EventEnvelope.of(UUID.randomUUID().toString(),
                "/grassroots/" + topic.replace("-events", "-service"), event, null).toHeaders();
        headers.forEach((name, value) -> record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8))));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish " + event, e);
        }
    }

    private static boolean allKnown(TargetDirectory directory) {
        return DEPARTMENTS.stream().allMatch(directory::isActiveDepartment) && directory.isActivePartyMember(PARTY_MEMBER)
                && directory.isActiveGridStaff(GRID_WORKER);
    }
}
