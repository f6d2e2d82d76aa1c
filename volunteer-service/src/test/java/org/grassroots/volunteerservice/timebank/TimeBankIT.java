package org.grassroots.volunteerservice.timebank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.grassroots.platform.domain.InvalidStateException;
import org.grassroots.platform.security.Caller;
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

/** Hours are never created or destroyed: not by concurrent transfers, refused ones or a crash halfway. */
@ServiceIntegrationTest
class TimeBankIT {

    static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    static final String COMMUNITY = "qjp-pulou-chengnan";

    @LocalServerPort
    int port;

    @Autowired
    TimeBank bank;

    @Autowired
    Accounts accounts;

    @Autowired
    TransferRecovery recovery;

    @Autowired
    MongoTemplate mongo;

    RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void givenManySimultaneousExchanges_whenAllHaveRun_thenTheTotalIsUnchangedAndNoLimitIsBroken() throws Exception {
        List<String> members = IntStream.range(0, 6).mapToObj(i -> "tb-member-" + UUID.randomUUID()).toList();
        for (String member : members) {
            bank.credit("seed-" + member, COMMUNITY, CHENGNAN, member, 10 * 60, "党员周六志愿服务日");
        }
        long totalBefore = bank.totalMinutes();
        Random random = new Random(42);
        List<Callable<Boolean>> exchanges = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String provider = members.get(random.nextInt(members.size()));
            String receiver = members.stream().filter(m -> !m.equals(provider)).toList().get(random.nextInt(5));
            long minutes = (2 + random.nextInt(7)) * 60L;
            exchanges.add(() -> {
                TimeBank.Transfer proposed = bank.proposeExchange(provider, receiver, minutes, "陪老人就医",
                        member(provider));
                try {
                    return bank.confirm(proposed.id(), member(receiver)).state() == TransferState.COMPLETED;
                } catch (InvalidStateException notEnoughHours) {
                    return false;
                }
            });
        }

        List<Boolean> completed = runAtOnce(exchanges);

        assertThat(completed).contains(true);
        assertThat(bank.totalMinutes()).isEqualTo(totalBefore);
        long membersTotal = members.stream().mapToLong(m -> accounts.find(m).orElseThrow().balanceMinutes()).sum();
        assertThat(membersTotal).isEqualTo(6 * 10 * 60L);
        assertThat(members).allSatisfy(m -> assertThat(accounts.find(m).orElseThrow().balanceMinutes())
                .isBetween(0L, 1500 * 60L));
    }

    @Test
    void givenACreditTheReceiverCannotStore_whenConfirmed_thenTheExchangeFailsAndThePayerIsRefunded() {
        String payer = "tb-payer-" + UUID.randomUUID();
        String nearlyFull = "tb-full-" + UUID.randomUUID();
        bank.credit("seed-" + payer, COMMUNITY, CHENGNAN, payer, 5 * 60, "seed");
        bank.credit("seed-" + nearlyFull, COMMUNITY, CHENGNAN, nearlyFull, 1499 * 60, "seed");
        long totalBefore = bank.totalMinutes();

        TimeBank.Transfer proposed = bank.proposeExchange(nearlyFull, payer, 2 * 60, "修理水管", member(payer));
        TransferDocument failed = confirmExpectingFailure(proposed.id(), member(nearlyFull));

        assertThat(failed.state()).isEqualTo(TransferState.FAILED);
        assertThat(failed.failureReason()).contains("storage cap");
        assertThat(accounts.find(payer).orElseThrow().balanceMinutes()).isEqualTo(5 * 60);
        assertThat(accounts.find(nearlyFull).orElseThrow().balanceMinutes()).isEqualTo(1499 * 60);
        assertThat(bank.totalMinutes()).isEqualTo(totalBefore);
    }

    @Test
    void givenACrashAfterTheDebit_whenTheRecoveryRuns_thenTheTransferCompletesOnceAndOnlyOnce() {
        String payer = "tb-crash-payer-" + UUID.randomUUID();
        String helper = "tb-crash-helper-" + UUID.randomUUID();
        bank.credit("seed-" + payer, COMMUNITY, CHENGNAN, payer, 4 * 60, "seed");
        accounts.open(helper, AccountDocument.AccountKind.MEMBER, CHENGNAN, null);
        String id = UUID.randomUUID().toString();
        mongo.insert(new TransferDocument(id, TransferKind.EXCHANGE, payer, helper, 90, "代买药品", null, payer, null,
                CHENGNAN, TransferState.CONFIRMED, null, Instant.now(), Instant.now()));
        assertThat(accounts.debit(payer, id, 90)).isTrue(); // ...and the process dies before recording DEBITED

        recovery.recover(Duration.ZERO);
        recovery.recover(Duration.ZERO);

        assertThat(mongo.findById(id, TransferDocument.class).state()).isEqualTo(TransferState.COMPLETED);
        assertThat(accounts.find(payer).orElseThrow().balanceMinutes()).isEqualTo(4 * 60 - 90);
        assertThat(accounts.find(helper).orElseThrow().balanceMinutes()).isEqualTo(90);
        assertThat(accounts.debit(payer, id, 90)).as("a repeated debit is recognised as done").isTrue();
        assertThat(accounts.find(payer).orElseThrow().balanceMinutes()).isEqualTo(4 * 60 - 90);
    }

    @Test
    void givenANegativeLimitOfTwoHours_whenAMemberWithNothingPays_thenTwoHoursGoThroughAndAThirdDoesNot() {
        // Accounts as configured with grassroots.timebank.negative-limit-hours=2, on this context's store
        // (a second Spring context would pause this one's outbox relay).
        Accounts owing = new Accounts(mongo, new TimeBankSettings(1500, 2, 60, null, null), Clock.systemUTC());
        TransferApplier applier = new TransferApplier(mongo, owing, Clock.systemUTC());
        String payer = "neg-payer-" + UUID.randomUUID();
        String helper = "neg-helper-" + UUID.randomUUID();
        owing.open(payer, AccountDocument.AccountKind.MEMBER, CHENGNAN, null);
        owing.open(helper, AccountDocument.AccountKind.MEMBER, CHENGNAN, null);

        TransferDocument first = applier.drive(confirmedExchange(payer, helper, 120));
        TransferDocument second = applier.drive(confirmedExchange(payer, helper, 60));

        assertThat(first.state()).isEqualTo(TransferState.COMPLETED);
        assertThat(second.state()).isEqualTo(TransferState.FAILED);
        assertThat(second.failureReason()).contains("not enough hours");
        assertThat(owing.find(payer).orElseThrow().balanceMinutes()).isEqualTo(-120);
        assertThat(owing.find(helper).orElseThrow().balanceMinutes()).isEqualTo(120);
    }

    @Test
    void givenTheSameActivityCreditTwice_whenApplied_thenTheHoursArriveOnce() {
        String member = "tb-twice-" + UUID.randomUUID();

        bank.credit("activity:sat-1:" + member, COMMUNITY, CHENGNAN, member, 180, "周六志愿服务日");
        bank.credit("activity:sat-1:" + member, COMMUNITY, CHENGNAN, member, 180, "周六志愿服务日");

        assertThat(accounts.find(member).orElseThrow().balanceMinutes()).isEqualTo(180);
    }

    @Test
    void givenAnExchangeProposedOverHttp_whenTheOtherPartyConfirms_thenTheHoursMoveAndStrangersSeeNothing() {
        String helper = "tb-http-helper-" + UUID.randomUUID();
        String served = "tb-http-served-" + UUID.randomUUID();
        bank.credit("seed-" + served, COMMUNITY, CHENGNAN, served, 3 * 60, "seed");
        post("/api/timebank/accounts", helper, "{}").expectStatus().isCreated();

        String id = post("/api/timebank/exchanges", helper, """
                {"providerId": "%s", "receiverId": "%s", "hours": 1.5, "service": "陪同就医"}
                """.formatted(helper, served)).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

        post("/api/timebank/transfers/" + id + "/confirm", helper, "{}").expectStatus().isForbidden();
        client.get().uri("/api/timebank/transfers/" + id).header(HttpHeaders.AUTHORIZATION, bearer("tb-stranger"))
                .exchange().expectStatus().isNotFound();
        post("/api/timebank/transfers/" + id + "/confirm", served, "{}").expectStatus().isOk()
                .expectBody().jsonPath("$.state").isEqualTo("COMPLETED").jsonPath("$.hours").isEqualTo(1.5);
        client.get().uri("/api/timebank/accounts/me").header(HttpHeaders.AUTHORIZATION, bearer(helper))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.minutes").isEqualTo(90);
        post("/api/timebank/transfers/" + id + "/confirm", served, "{}").expectStatus().isEqualTo(409);
    }

    @Test
    void givenARelativeAged60OrOver_whenHoursAreDonated_thenTheyMoveButNotToAYoungerOne() {
        String donor = "tb-donor-" + UUID.randomUUID();
        String mother = "tb-mother-" + UUID.randomUUID();
        String cousin = "tb-cousin-" + UUID.randomUUID();
        bank.credit("seed-" + donor, COMMUNITY, CHENGNAN, donor, 10 * 60, "seed");
        post("/api/timebank/accounts", mother, "{\"birthYear\": 1950}").expectStatus().isCreated();
        post("/api/timebank/accounts", cousin, "{\"birthYear\": 1990}").expectStatus().isCreated();

        post("/api/timebank/donations", donor, """
                {"toUserId": "%s", "hours": 4, "relation": "PARENT"}""".formatted(mother))
                .expectStatus().isCreated().expectBody().jsonPath("$.state").isEqualTo("COMPLETED");
        post("/api/timebank/donations", donor, """
                {"toUserId": "%s", "hours": 1, "relation": "OTHER_RELATIVE"}""".formatted(cousin))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("toUserId");
        post("/api/timebank/donations", donor, """
                {"toUserId": "%s", "hours": 40, "relation": "PARENT"}""".formatted(mother))
                .expectStatus().isEqualTo(409);
        post("/api/timebank/donations", donor, """
                {"toUserId": "%s", "hours": "lots", "relation": "PARENT"}""".formatted(mother))
                .expectStatus().isBadRequest();

        assertThat(accounts.find(mother).orElseThrow().balanceMinutes()).isEqualTo(240);
        assertThat(accounts.find(donor).orElseThrow().balanceMinutes()).isEqualTo(360);
    }

    @Test
    void givenAMembersAccount_whenStaffOfAnotherCommunityAsk_thenItIsNotFound() {
        String member = "tb-scope-" + UUID.randomUUID();
        bank.credit("seed-" + member, COMMUNITY, CHENGNAN, member, 60, "seed");

        client.get().uri("/api/timebank/accounts/" + member).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.staff("staff-hebin", "community_staff", "/qjp/qjp-pulou/qjp-pulou-hebin").bearer())
                .exchange().expectStatus().isNotFound();
        client.get().uri("/api/timebank/accounts/" + member).header(HttpHeaders.AUTHORIZATION,
                        TestTokens.staff("staff-chengnan", "community_staff", CHENGNAN).bearer())
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.hours").isEqualTo(1.0);
    }

    private String confirmedExchange(String payer, String helper, long minutes) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new TransferDocument(id, TransferKind.EXCHANGE, payer, helper, minutes, "接送孩子", null, helper,
                payer, CHENGNAN, TransferState.CONFIRMED, null, Instant.now(), Instant.now()));
        return id;
    }

    private TransferDocument confirmExpectingFailure(String id, Caller caller) {
        try {
            bank.confirm(id, caller);
        } catch (InvalidStateException expected) {
            // the caller is told; the transfer keeps the reason
        }
        return mongo.findById(id, TransferDocument.class);
    }

    private static <T> List<T> runAtOnce(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenMoreTransfersThanAPage_whenTheAccountsTransfersAreRead_thenTheyComePageByPageWithTheirTotal() {
        String member = "tb-pages-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            bank.credit("tb-pages-" + i + "-" + member, COMMUNITY, CHENGNAN, member, 60, "周六志愿服务日 " + i);
        }

        client.get().uri("/api/timebank/accounts/me").header(HttpHeaders.AUTHORIZATION, bearer(member))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.transfers.length()").isEqualTo(3).jsonPath("$.transfersTotal").isEqualTo(3);
        client.get().uri("/api/timebank/accounts/me/transfers?size=2").header(HttpHeaders.AUTHORIZATION, bearer(member))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(2).jsonPath("$.totalItems").isEqualTo(3)
                .jsonPath("$.page").isEqualTo(0).jsonPath("$.size").isEqualTo(2);
        client.get().uri("/api/timebank/accounts/" + member + "/transfers?size=2&page=1")
                .header(HttpHeaders.AUTHORIZATION, bearer(member)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1).jsonPath("$.totalItems").isEqualTo(3);
        client.get().uri("/api/timebank/accounts/" + member + "/transfers")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.user("tb-pages-stranger").roles("volunteer")
                        .orgPath("/qjp/qjp-pulou/qjp-pulou-hebin").bearer())
                .exchange().expectStatus().isNotFound();
    }

    private RestTestClient.ResponseSpec post(String uri, String userId, String body) {
        return client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer(userId))
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    private static String bearer(String userId) {
        return TestTokens.user(userId).roles("volunteer").orgPath(CHENGNAN).bearer();
    }

    private static Caller member(String userId) {
        return new Caller(userId, userId, Set.of("volunteer"), CHENGNAN, null);
    }
}
