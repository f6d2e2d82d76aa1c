package org.grassroots.evaluationservice.partners;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.contracts.orgs.PartnerRegistered;
import org.grassroots.contracts.orgs.PartnerUpdated;
import org.grassroots.evaluationservice.EvaluationServiceApplication;
import org.grassroots.evaluationservice.PartnerEventsFixture;
import org.grassroots.evaluationservice.WithStandInCaseService;
import org.grassroots.testsupport.PlatformInfrastructureInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The partner read model follows org-service's partner events once each (a redelivery, or an older
 * event after a newer one, changes nothing), and a fresh evaluation-service that consumes
 * {@code org-events} from the start, into an empty database, builds the same model as the live one.
 */
class PartnerReplayIT extends WithStandInCaseService {

    @Autowired
    PartnerDirectory partners;

    @Test
    void givenRedeliveredAndLateOlderEvents_whenFollowed_thenThePartnerIsAsItsNewestEventSays() {
        String code = "wuye-" + UUID.randomUUID().toString().substring(0, 8);
        PartnerEventsFixture partner = PartnerEventsFixture.propertyCompany(code, "城南物业", "/qjp/qjp-pulou",
                "qjp-pulou-chengnan");
        PartnerRegistered registered = partner.registered();
        PartnerUpdated renamed = partner.updated(2, partner.renamed("城南物业服务有限公司"), true);
        String registeredId = UUID.randomUUID().toString();

        send(PartnerEventsFixture.record(registered, registeredId));
        send(PartnerEventsFixture.record(renamed));
        send(PartnerEventsFixture.record(registered, registeredId));
        send(PartnerEventsFixture.record(registered));

        eventually(() -> assertThat(partners.find(code)).get()
                .returns("城南物业服务有限公司", Partner::name)
                .returns(2L, Partner::version)
                .returns(PartnerKind.PROPERTY_COMPANY, Partner::kind));
        // The registration once more, after the newest version: still nothing changes.
        send(PartnerEventsFixture.record(registered));
        eventually(() -> assertThat(partners.find(code)).get().returns(2L, Partner::version));
    }

    @Test
    void givenTheWholeTopic_whenAFreshServiceReplaysIt_thenItsPartnersEqualTheLiveOnes() {
        String prefix = "replay-" + UUID.randomUUID().toString().substring(0, 6);
        PartnerEventsFixture company = PartnerEventsFixture.propertyCompany(prefix + "-wuye", "河滨物业", "/qjp/qjp-pulou",
                "qjp-pulou-hebin");
        PartnerEventsFixture organisation = PartnerEventsFixture.socialOrganization(prefix + "-shehui", "河滨互助会",
                "/qjp/qjp-pulou/qjp-pulou-hebin", "qjp-pulou-hebin");
        publishPartner(company.registered(), organisation.registered(),
                company.updated(2, company.renamed("河滨物业管理有限公司"), true),
                organisation.updated(2, organisation, false),
                organisation.registered());
        eventually(() -> assertThat(partners.find(prefix + "-shehui")).get().returns(false, Partner::active));
        eventually(() -> assertThat(partners.find(prefix + "-wuye")).get().returns(2L, Partner::version));

        try (ConfigurableApplicationContext fresh = new SpringApplicationBuilder(EvaluationServiceApplication.class)
                .initializers(new PlatformInfrastructureInitializer())
                // Command-line arguments, so they win over application.yml (port) and the platform defaults (group).
                .run("--server.port=0", "--spring.kafka.consumer.group-id=replay-" + UUID.randomUUID(),
                        "--grassroots.evaluation.case-service.url=" + CASE_SERVICE.url())) {
            PartnerDirectory replayed = fresh.getBean(PartnerDirectory.class);
            eventually(() -> assertThat(replayed.all()).isEqualTo(partners.all()));
            assertThat(replayed.find(prefix + "-wuye")).get().returns("河滨物业管理有限公司", Partner::name);
        }
    }
}
