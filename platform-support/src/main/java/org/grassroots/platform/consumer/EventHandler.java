package org.grassroots.platform.consumer;

import org.grassroots.contracts.IntegrationEvent;

/**
 * Applies one event's effect. Every handler is exactly-once in one of two ways, which its
 * documentation states and its tests show with a redelivery after a crash:
 * <ul>
 * <li>the event id (or an id the event carries one-to-one, such as a rating id) is recorded in the
 *     same single-document write as the effect: {@link IdempotentConsumer#recordOnce} for an effect that
 *     is a new document, or the id kept in the changed document itself, guarded by the write's filter;
 * <li>the effect is idempotent by construction: an upsert to values the event fixes, a write guarded
 *     by a version, or a reload, so applying it again changes nothing.
 * </ul>
 * There is no separate "applied" record written after the effect: a crash between the two would
 * leave the effect without the record and apply it again.
 */
@FunctionalInterface
public interface EventHandler<E extends IntegrationEvent> {

    void apply(E event, IncomingEvent incoming);
}
