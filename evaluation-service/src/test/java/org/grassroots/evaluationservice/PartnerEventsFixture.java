package org.grassroots.evaluationservice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.EventEnvelope;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.orgs.PartnerEvent;
import org.grassroots.contracts.orgs.PartnerFacts;
import org.grassroots.contracts.orgs.PartnerKind;
import org.grassroots.contracts.orgs.PartnerRegistered;
import org.grassroots.contracts.orgs.PartnerUpdated;

/** A partner's events as org-service publishes them on {@code org-events}: each carries the whole partner. */
public record PartnerEventsFixture(String code, PartnerKind kind, String name, List<String> communityCodes,
        String orgPath) {

    private static final EventCodec CODEC = new EventCodec();

    public static PartnerEventsFixture propertyCompany(String code, String name, String orgPath, String... communities) {
        return new PartnerEventsFixture(code, PartnerKind.PROPERTY_COMPANY, name, List.of(communities), orgPath);
    }

    public static PartnerEventsFixture socialOrganization(String code, String name, String orgPath,
            String... communities) {
        return new PartnerEventsFixture(code, PartnerKind.SOCIAL_ORGANIZATION, name, List.of(communities), orgPath);
    }

    public PartnerFacts facts(boolean active) {
        return new PartnerFacts(code, kind, name, communityCodes, orgPath, active);
    }

    public PartnerRegistered registered() {
        return new PartnerRegistered(code, 1, orgPath, Instant.now(), facts(true));
    }

    /** The partner at {@code version} after a change to {@code changed} (renamed, other communities, ended). */
    public PartnerUpdated updated(long version, PartnerEventsFixture changed, boolean active) {
        return new PartnerUpdated(code, version, changed.orgPath(), Instant.now(), changed.facts(active));
    }

    public PartnerEventsFixture renamed(String newName) {
        return new PartnerEventsFixture(code, kind, newName, communityCodes, orgPath);
    }

    public static ProducerRecord<String, byte[]> record(PartnerEvent event, String eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.ORG_EVENTS, event.code(), CODEC.write(event));
        new EventEnvelope(eventId, EventCatalog.typeOf(event.getClass()), "/grassroots/org-service",
                event.occurredAt(), event.code(), null).toHeaders()
                .forEach((k, v) -> record.headers().add(new RecordHeader(k, v.getBytes(StandardCharsets.UTF_8))));
        return record;
    }

    public static ProducerRecord<String, byte[]> record(PartnerEvent event) {
        return record(event, UUID.randomUUID().toString());
    }
}
