package org.grassroots.gridservice.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.orgs.OrgUnitCreated;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.OrgUnitFacts;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitRenamed;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Communities come from {@code org-events}: grids may be drawn in them once known, and follow their moves. */
@ServiceIntegrationTest
class CommunityFollowerIT {

    static final String ADMIN = TestTokens.user("platform-admin-1").roles("platform_admin").bearer();

    @LocalServerPort
    int port;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    EventCodec codec;

    @Autowired
    CommunityDirectory directory;

    @Autowired
    CommunityFollower follower;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenACommunityAnnounced_whenAGridIsDrawnThenTheCommunityMoves_thenTheGridFollowsAndOldEventsAreSkipped()
            throws Exception {
        String code = "qjp-follow-" + UUID.randomUUID().toString().substring(0, 8);
        String oldPath = "/qjp/qjp-pulou/" + code;
        String newPath = "/qjp/qjp-changxi/" + code;
        String grid = String.format("%06d", 100000 + (int) (Math.random() * 899999)) + "777777001";

        publish(new OrgUnitCreated(code, 1, oldPath, Instant.now(),
                new OrgUnitFacts(code, "跟随社区", OrgUnitType.COMMUNITY, "qjp-pulou", oldPath, false)));
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.find(code).isPresent());

        client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", grid, "name", "跟随社区第一网格", "level", "LEVEL_1", "communityId", code,
                        "boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(150.0, 60.0),
                                List.of(150.01, 60.0), List.of(150.01, 60.01), List.of(150.0, 60.0))))))
                .exchange().expectStatus().isCreated();

        OrgUnitMoved moved = new OrgUnitMoved(code, 2, newPath, Instant.now(),
                new OrgUnitFacts(code, "跟随社区", OrgUnitType.COMMUNITY, "qjp-changxi", newPath, false), oldPath);
        publish(moved);
        publish(moved); // redelivered under a new id: the version guard keeps it harmless
        publish(new OrgUnitRenamed(code, 1, oldPath, Instant.now(),
                new OrgUnitFacts(code, "旧名", OrgUnitType.COMMUNITY, "qjp-pulou", oldPath, false)));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/api/grids/" + grid)
                .header(HttpHeaders.AUTHORIZATION, ADMIN).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.orgPath").isEqualTo(newPath)
                .jsonPath("$.streetId").isEqualTo("qjp-changxi")
                .jsonPath("$.version").isEqualTo(2));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
                .uri("/api/grids/locate?lon=150.005&lat=60.002").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.orgPath").isEqualTo(newPath));
        client.get().uri("/api/grids/communities?size=500").header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.items[?(@.code == '" + code + "')].orgPath").isEqualTo(List.of(newPath));
        Community held = directory.find(code).orElseThrow();
        assertThat(held.version()).isEqualTo(2);
        assertThat(held.name()).isEqualTo("跟随社区");
        assertThat(held.path()).isEqualTo(newPath);
    }

    /**
     * A street moves: the paths of its communities are rewritten, then their grids follow. Should the
     * service die between the two, the redelivered move finds the paths rewritten already; the grids
     * must still follow, once, and a further redelivery must change nothing.
     */
    @Test
    void givenAStreetMoveRewroteThePathsButTheGridsDidNotFollowBeforeACrash_whenRedelivered_thenTheGridsFollowOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String street = "qjp-street-" + suffix;
        String code = "qjp-moving-" + suffix;
        String oldStreetPath = "/qjp/" + street;
        String newStreetPath = "/qjp/qjp-changxi/" + street;
        String grid = String.format("%06d", 100000 + (int) (Math.random() * 899999)) + "888888001";
        follower.on(record(new OrgUnitCreated(code, 1, oldStreetPath + "/" + code, Instant.now(),
                new OrgUnitFacts(code, "搬迁社区", OrgUnitType.COMMUNITY, street, oldStreetPath + "/" + code, false))));
        client.post().uri("/api/grids").header(HttpHeaders.AUTHORIZATION, ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", grid, "name", "搬迁社区第一网格", "level", "LEVEL_1", "communityId", code,
                        "boundary", Map.of("type", "Polygon", "coordinates", List.of(List.of(List.of(151.0, 61.0),
                                List.of(151.01, 61.0), List.of(151.01, 61.01), List.of(151.0, 61.0))))))
                .exchange().expectStatus().isCreated();
        OrgUnitMoved streetMoved = new OrgUnitMoved(street, 2, newStreetPath, Instant.now(),
                new OrgUnitFacts(street, "搬迁街道", OrgUnitType.STREET, "qjp-changxi", newStreetPath, false),
                oldStreetPath);

        ConsumerRecord<String, byte[]> delivery = record(streetMoved);
        directory.movePathsUnder(oldStreetPath, newStreetPath); // the first delivery got this far, then died
        follower.on(delivery);
        follower.on(delivery);

        client.get().uri("/api/grids/" + grid).header(HttpHeaders.AUTHORIZATION, ADMIN).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.orgPath").isEqualTo(newStreetPath + "/" + code)
                .jsonPath("$.version").isEqualTo(2);
        assertThat(directory.find(code).orElseThrow().path()).isEqualTo(newStreetPath + "/" + code);
    }

    private ConsumerRecord<String, byte[]> record(OrgUnitEvent event) {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.ORG_EVENTS, 0, 0, event.code(),
                codec.write(event));
        new EventEnvelope(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()),
                "/grassroots/org-service", event.occurredAt(), event.code(), null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    private void publish(OrgUnitEvent event) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORG_EVENTS, event.code(),
                codec.write(event));
        new EventEnvelope(UUID.randomUUID().toString(), EventCatalog.typeOf(event.getClass()),
                "/grassroots/org-service", event.occurredAt(), event.code(), null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        kafka.send(record).get();
    }
}
