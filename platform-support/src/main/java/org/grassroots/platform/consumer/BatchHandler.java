package org.grassroots.platform.consumer;

import java.util.List;

/**
 * Applies the events of one poll together, where one write for many saves what one write each
 * would cost: a projection that inserts the facts of a poll's new cases at once, say. The events
 * come in the order of their records, only those the listener's routes take.
 *
 * <p>It must give the same result as the routes applying the same events one by one, because
 * that is what {@link EventPipeline#consumeBatch} falls back to when it throws: it may have
 * applied some of them before it threw, so, like every {@link EventHandler}, it must be
 * idempotent.
 */
@FunctionalInterface
public interface BatchHandler {

    void apply(List<IncomingEvent> events);
}
