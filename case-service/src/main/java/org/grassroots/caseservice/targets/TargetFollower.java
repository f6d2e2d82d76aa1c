package org.grassroots.caseservice.targets;


import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.grassroots.contracts.IntegrationEvent;
import org.grassroots.contracts.Topics;
import org.grassroots.contracts.grids.GridStaffAssigned;
import org.grassroots.contracts.grids.GridStaffUnassigned;
import org.grassroots.contracts.orgs.DepartmentEvent;
import org.grassroots.contracts.orgs.MemberStatus;
import org.grassroots.contracts.orgs.OrgUnitEvent;
import org.grassroots.contracts.orgs.PartyMemberEvent;
import org.grassroots.platform.consumer.EventPipeline;
import org.grassroots.platform.consumer.EventRoutes;
import org.grassroots.platform.consumer.IdempotentConsumer;
import org.grassroots.platform.consumer.IncomingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Builds {@link TargetDirectory} from org-events (departments, party members, org units) and grid-events
 * (grid staff posts), through the platform's {@link EventPipeline}. Each applied event is one record written by
 * the platform's {@link IdempotentConsumer}:
 * the effect and the event id are the same single insert, so a redelivered event changes nothing, and a
 * replay of the topics into an empty database writes the same records again.
 */
@Component
class TargetFollower {

    private static final Logger log = LoggerFactory.getLogger(TargetFollower.class);

    private final IdempotentConsumer consumer;
    private final TargetDirectory directory;
    private final EventPipeline pipeline;
    private final EventRoutes routes;

    TargetFollower(IdempotentConsumer consumer, TargetDirectory directory, EventPipeline pipeline) {
        this.consumer = consumer;
        this.directory = directory;
        this.pipeline = pipeline;
        this.routes = EventRoutes.of("TargetFollower")
                .on(DepartmentEvent.class, this::record)
                .on(PartyMemberEvent.class, this::record)
                .on(OrgUnitEvent.class, this::record)
                .on(GridStaffAssigned.class, this::record)
                .on(GridStaffUnassigned.class, this::record)
                .build();
    }

    @KafkaListener(topics = {Topics.ORG_EVENTS, Topics.GRID_EVENTS}, groupId = "${spring.kafka.consumer.group-id}-targets")
    void on(ConsumerRecord<String, byte[]> record) {
        pipeline.consume(record, routes);
    }

    /** The record and the event id are one insert (its {@code _id} is the event id). */
    private void record(IntegrationEvent event, IncomingEvent incoming) {
        TargetRecord target = recordOf(event);
        if (target != null && !consumer.recordOnce(TargetDirectory.COLLECTION, incoming.eventId(), target.toDocument())) {
            log.debug("{} event {} was applied before", incoming.topic(), incoming.eventId());
        }
    }

    /** What an event says about a target, or null when it is about none the checks need (grids, partners). */
    TargetRecord recordOf(IntegrationEvent event) {
        if (event instanceof DepartmentEvent department) {
            return new TargetRecord(TargetKind.DEPARTMENT, department.code(), event.aggregateVersion(),
                    department.department().active(), null, event.orgPath(), event.occurredAt());
        }
        if (event instanceof PartyMemberEvent member) {
            TargetRecord target = new TargetRecord(TargetKind.PARTY_MEMBER, member.memberId(), event.aggregateVersion(),
                    member.member().status() != MemberStatus.RETIRED, member.member().userId(), event.orgPath(),
                    event.occurredAt());
            if (target.userId() == null) {
                // An update that leaves the user id out does not unlink the person: keep the one named before.
                // Events of one member arrive in order (one key, one partition), so the earlier one is here.
                return directory.latest(TargetKind.PARTY_MEMBER, member.memberId())
                        .filter(earlier -> earlier.version() < target.version())
                        .map(earlier -> target.withUserId(earlier.userId())).orElse(target);
            }
            return target;
        }
        if (event instanceof OrgUnitEvent unit) {
            return new TargetRecord(TargetKind.ORG_UNIT, unit.code(), event.aggregateVersion(), !unit.unit().retired(),
                    null, unit.unit().path(), event.occurredAt());
        }
        if (event instanceof GridStaffAssigned assigned) {
            return new TargetRecord(TargetKind.GRID_STAFF, assigned.assignmentId(), event.aggregateVersion(), true,
                    assigned.userId(), event.orgPath(), event.occurredAt());
        }
        if (event instanceof GridStaffUnassigned unassigned) {
            return new TargetRecord(TargetKind.GRID_STAFF, unassigned.assignmentId(), event.aggregateVersion(), false,
                    unassigned.userId(), event.orgPath(), event.occurredAt());
        }
        return null;
    }
}
