package org.grassroots.gridservice.communities;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.grassroots.contracts.EventCodec;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.OrgUnitFacts;
import org.grassroots.contracts.orgs.OrgUnitMoved;
import org.grassroots.contracts.orgs.OrgUnitType;
import org.grassroots.platform.consumer.IdempotentConsumer;
import org.grassroots.platform.consumer.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link CommunityDirectory} in step with org-service. Every step is an upsert guarded by the
 * unit's version or a rewrite to a known value, so a redelivered event changes nothing; the event id
 * is recorded last, and an event already recorded is skipped at once.
 *
 * <p>When a move changes a community's path, {@link CommunityMoved} is published inside the service so
 * the community's grids follow.
 */
@Component
class CommunityFollower {

    static final String APPLIED = "org_events_applied";
    private static final Logger log = LoggerFactory.getLogger(CommunityFollower.class);

    private final EventCodec codec;
    private final IdempotentConsumer consumer;
    private final CommunityDirectory directory;
    private final ApplicationEventPublisher publisher;
    private final org.springframework.data.mongodb.core.MongoTemplate mongo;

    CommunityFollower(EventCodec codec, IdempotentConsumer consumer, CommunityDirectory directory,
            ApplicationEventPublisher publisher, org.springframework.data.mongodb.core.MongoTemplate mongo) {
        this.codec = codec;
        this.consumer = consumer;
        this.directory = directory;
        this.publisher = publisher;
        this.mongo = mongo;
    }

    @KafkaListener(topics = Topics.ORG_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        IncomingEvent incoming = IncomingEvent.read(record, codec);
        if (!(incoming.event() instanceof OrgUnitEvent event)) {
            return;
        }
        if (mongo.getCollection(APPLIED).countDocuments(new Document("_id", incoming.eventId())) > 0) {
            log.debug("Org event {} was applied before; ignored", incoming.eventId());
            return;
        }
        apply(event);
        consumer.recordOnce(APPLIED, incoming.eventId(),
                new Document("code", event.code()).append("version", event.aggregateVersion()));
    }

    void apply(OrgUnitEvent event) {
        List<Community> movedCommunities = new ArrayList<>();
        OrgUnitFacts unit = event.unit();
        if (unit.type() == OrgUnitType.COMMUNITY) {
            Community community = new Community(unit.code(), unit.name(), unit.parentCode(), unit.path(),
                    unit.retired(), event.aggregateVersion());
            directory.upsert(community);
            if (event instanceof OrgUnitMoved) {
                // Also on a redelivery: following a move is idempotent, and the first delivery may have failed midway.
                directory.find(unit.code()).ifPresent(movedCommunities::add);
            }
        }
        if (event instanceof OrgUnitMoved moved) {
            movedCommunities.addAll(directory.movePathsUnder(moved.previousPath(), unit.path()));
        }
        movedCommunities.forEach(community -> publisher.publishEvent(new CommunityMoved(community)));
    }
}
