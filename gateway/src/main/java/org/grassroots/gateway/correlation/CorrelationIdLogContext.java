package org.grassroots.gateway.correlation;

import io.micrometer.context.ContextRegistry;
import org.slf4j.MDC;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the correlation id in the Reactor context visible in the logging MDC on whichever thread a
 * request continues. Reactor restores it on each thread hop because
 * {@code spring.reactor.context-propagation=auto} is set; this tells it how.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIdLogContext {

    CorrelationIdLogContext() {
        register();
    }

    static void register() {
        ContextRegistry.getInstance().registerThreadLocalAccessor(CorrelationId.LOG_KEY,
                () -> MDC.get(CorrelationId.LOG_KEY),
                correlationId -> MDC.put(CorrelationId.LOG_KEY, correlationId),
                () -> MDC.remove(CorrelationId.LOG_KEY));
    }
}
