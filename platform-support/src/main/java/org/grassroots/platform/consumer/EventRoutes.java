package org.grassroots.platform.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.grassroots.contracts.EventCatalog;
import org.grassroots.contracts.IntegrationEvent;

/**
 * Which handler applies which event types, for one listener. A route is for an event class or a
 * family ({@code CaseEvent}, {@code GridEvent}); the first route whose class the event's type maps
 * to takes it. Types without a route, and types this version does not know, are not the listener's
 * business and are skipped without reading the payload.
 */
public final class EventRoutes {

    private final String consumer;
    private final List<Route<?>> routes;

    private EventRoutes(String consumer, List<Route<?>> routes) {
        this.consumer = consumer;
        this.routes = List.copyOf(routes);
    }

    /** Starts the routes of {@code consumer} (a name for logs: the listener's class, say). */
    public static Builder of(String consumer) {
        return new Builder(consumer);
    }

    public String consumer() {
        return consumer;
    }

    /** The route for a CloudEvents type, if this listener handles it. */
    Optional<Route<?>> routeFor(String type) {
        Optional<Class<? extends IntegrationEvent>> eventClass = type == null ? Optional.empty() : EventCatalog.find(type);
        return eventClass.flatMap(found -> routes.stream().filter(route -> route.type().isAssignableFrom(found))
                .findFirst());
    }

    record Route<E extends IntegrationEvent>(Class<E> type, EventHandler<? super E> handler) {

        void apply(IntegrationEvent event, IncomingEvent incoming) {
            handler.apply(type.cast(event), incoming);
        }
    }

    public static final class Builder {

        private final String consumer;
        private final List<Route<?>> routes = new ArrayList<>();

        private Builder(String consumer) {
            this.consumer = consumer;
        }

        public <E extends IntegrationEvent> Builder on(Class<E> type, EventHandler<? super E> handler) {
            routes.add(new Route<>(type, handler));
            return this;
        }

        public EventRoutes build() {
            if (routes.isEmpty()) {
                throw new IllegalStateException(consumer + " routes no event type");
            }
            return new EventRoutes(consumer, routes);
        }
    }
}
