package org.grassroots.volunteerservice.wishes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.Topics;
import org.grassroots.testsupport.PlatformInfrastructure;
import org.grassroots.testsupport.ServiceIntegrationTest;
import org.grassroots.testsupport.TopicProbe;
import org.grassroots.volunteerservice.Api;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** 微心愿: posted, approved, claimed, fulfilled; the helper earns points; the wall names no resident. */
@ServiceIntegrationTest
class WishesIT {

    static final String DISPATCHER = Api.staff("dispatcher-w", Api.CHENGNAN);
    static final String HEBIN_STAFF = Api.staff("dispatcher-hebin-w", Api.HEBIN);

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(port);
    }

    @Test
    void givenAResidentsWish_whenApprovedClaimedAndFulfilled_thenTheHelperEarnsPointsAndTheWallNamesNoOne() {
        String resident = "wish-res-" + UUID.randomUUID();
        String helper = "wish-pm-" + UUID.randomUUID();
        String id = Api.id(api.post("/api/wishes", Api.resident(resident),
                "{\"title\": \"想要一个助行器\", \"description\": \"腿脚不便，出门买菜困难\"}").expectStatus().isCreated());

        api.get("/api/wishes/" + id, Api.resident("wish-neighbour")).expectStatus().isNotFound();
        api.post("/api/wishes/" + id + "/approve", HEBIN_STAFF, "{}").expectStatus().isNotFound();
        api.post("/api/wishes/" + id + "/claim", Api.partyMember(helper), "{}").expectStatus().isNotFound();
        api.post("/api/wishes/" + id + "/approve", DISPATCHER, "{}").expectStatus().isOk();

        String wall = api.get("/api/wishes/public?communityId=qjp-pulou-chengnan", Api.partyMember(helper))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(wall).contains(id).doesNotContain(resident).doesNotContain("postedBy");
        api.get("/api/wishes/" + id, Api.partyMember(helper)).expectStatus().isOk()
                .expectBody().jsonPath("$.postedBy").doesNotExist();

        api.post("/api/wishes/" + id + "/claim", Api.partyMember(helper), "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("CLAIMED");
        api.post("/api/wishes/" + id + "/fulfil", Api.partyMember("wish-pm-other"), "{\"note\": \"已送达\"}")
                .expectStatus().isForbidden();
        try (TopicProbe probe = TopicProbe.listen(PlatformInfrastructure.kafkaBootstrapServers(), Topics.VOLUNTEER_EVENTS)) {
            api.post("/api/wishes/" + id + "/fulfil", Api.partyMember(helper), "{\"note\": \"助行器已送到家中\"}")
                    .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("FULFILLED");
            List<ConsumerRecord<String, byte[]>> fulfilled = probe.awaitRecords(record -> id.equals(record.key()), 1,
                    Duration.ofSeconds(30));
            assertThat(new String(fulfilled.get(0).value())).contains(helper).doesNotContain(resident)
                    .doesNotContain("助行器");
            probe.awaitRecords(record -> helper.equals(record.key()), 1, Duration.ofSeconds(30));
        }
        api.post("/api/wishes/" + id + "/fulfil", Api.partyMember(helper), "{\"note\": \"again\"}")
                .expectStatus().isEqualTo(409);
        api.get("/api/points/me", Api.partyMember(helper)).expectStatus().isOk()
                .expectBody().jsonPath("$.balance").isEqualTo(5).jsonPath("$.entries.length()").isEqualTo(1);
    }

    @Test
    void givenAPostedWish_whenListedByStaff_thenOnlyTheirAreasWishesShow() {
        String id = Api.id(api.post("/api/wishes", Api.resident("wish-res-" + UUID.randomUUID()),
                "{\"title\": \"希望有人教我用智能手机\"}").expectStatus().isCreated());

        api.get("/api/wishes?status=POSTED", DISPATCHER).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").exists();
        api.get("/api/wishes?status=POSTED", HEBIN_STAFF).expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')]").doesNotExist();
        api.post("/api/wishes", Api.resident("wish-res-x"), "{\"title\": \"\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("title");
    }

    @Test
    void givenMoreWishesThanAPage_whenEachListIsReadPageByPage_thenEveryWishComesOnceAndTheTotalCountsThemAll() {
        String resident = "wish-pages-" + UUID.randomUUID();
        List<String> posted = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = Api.id(api.post("/api/wishes", Api.resident(resident), "{\"title\": \"分页心愿 " + i + "\"}")
                    .expectStatus().isCreated());
            api.post("/api/wishes/" + id + "/approve", DISPATCHER, "{}").expectStatus().isOk();
            posted.add(id);
        }

        assertThat(readAll("/api/wishes/mine?size=2", Api.resident(resident)))
                .containsExactlyInAnyOrderElementsOf(posted).doesNotHaveDuplicates();
        api.get("/api/wishes/mine?size=2&page=1", Api.resident(resident)).expectStatus().isOk().expectBody()
                .jsonPath("$.page").isEqualTo(1).jsonPath("$.size").isEqualTo(2)
                .jsonPath("$.totalItems").isEqualTo(5).jsonPath("$.items.length()").isEqualTo(2);
        assertThat(readAll("/api/wishes/public?communityId=qjp-pulou-chengnan&size=3", Api.partyMember("wish-reader")))
                .containsAll(posted).doesNotHaveDuplicates();
        assertThat(readAll("/api/wishes?status=APPROVED&size=3", DISPATCHER))
                .containsAll(posted).doesNotHaveDuplicates();
        api.get("/api/wishes/mine?size=501", Api.resident(resident)).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    /** Every id of a paged list, page after page until the total is reached. */
    private List<String> readAll(String path, String bearer) {
        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; ; page++) {
            java.util.Map<?, ?> body = api.get(path + "&page=" + page, bearer).expectStatus().isOk()
                    .expectBody(java.util.Map.class).returnResult().getResponseBody();
            List<?> items = (List<?>) body.get("items");
            items.forEach(item -> ids.add(String.valueOf(((java.util.Map<?, ?>) item).get("id"))));
            if (items.isEmpty() || ids.size() >= ((Number) body.get("totalItems")).longValue()) {
                return ids;
            }
        }
    }
}
