package org.grassroots.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.server.ServerWebExchange;

/**
 * The correlation id in the logging MDC. The gateway runs Reactor's context propagation in
 * {@code limited} mode (restoring thread locals around every operator of every request was its
 * costliest single item): the registration below serves the operators that ask for it
 * ({@code handle}, {@code tap}, {@code contextCapture}), and the gateway's own per-request log
 * lines go through {@link #logWith}, which reads the id from the request the correlation filter tagged.
 */
@Configuration(proxyBeanMethods = false)
public class CorrelationIdLogContext {

    /** Runs {@code logging} with the exchange's correlation id in the MDC, restoring what was there. */
    public static void logWith(ServerWebExchange exchange, Runnable logging) {
        String correlationId = exchange.getRequest().getHeaders().getFirst(CorrelationId.HEADER);
        String previous = MDC.get(CorrelationId.LOG_KEY);
        try {
            if (correlationId != null) {
                MDC.put(CorrelationId.LOG_KEY, correlationId);
            }
            logging.run();
        }
        finally {
            if (previous != null) {
                MDC.put(CorrelationId.LOG_KEY, previous);
            }
            else {
                MDC.remove(CorrelationId.LOG_KEY);
            }
        }
    }

    CorrelationIdLogContext() {
        register();
    }

    /** Registers the MDC accessor (the application does it by creating this configuration; tests call it). */
    public static void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.LOG_KEY,
                () -> MDC.get(CorrelationId.LOG_KEY),
                correlationId -> MDC.put(CorrelationId.LOG_KEY, correlationId),
                () -> MDC.remove(CorrelationId.LOG_KEY));
    }
}
