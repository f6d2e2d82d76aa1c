package org.grassroots.gateway.correlation;

/** The names under which a request's correlation id travels. */
public final class CorrelationId {

    /** Request header in, request header downstream, response header out. */
    public static final String HEADER = "X-Correlation-Id";

    /** Key in the Reactor context and in the logging MDC ({@code %X{correlationId}}). */
    public static final String LOG_KEY = "correlationId";

    private CorrelationId() {
    }
}
