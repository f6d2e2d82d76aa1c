package org.grassroots.gateway.correlation;

import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;

/** The names under which a request's correlation id travels, and which id a request gets. */
public final class CorrelationId {

    /** Request header in, request header downstream, response header out. */
    public static final String HEADER = "X-Correlation-Id";

    /** Key in the Reactor context and in the logging MDC ({@code %X{correlationId}}). */
    public static final String LOG_KEY = "correlationId";

    // Ids are echoed into logs and headers: anything longer or with other characters could forge
    // log lines or bloat headers, so it is replaced rather than trusted.
    private static final Pattern USABLE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private CorrelationId() {
    }

    /** The caller's {@value #HEADER} (its first value) if it is usable, a new UUID otherwise. */
    public static String of(HttpHeaders requestHeaders) {
        String given = requestHeaders.getFirst(HEADER);
        if (given != null && USABLE_ID.matcher(given).matches()) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

    /** Whether the request already carries exactly this id, once, so it can go downstream as it is. */
    public static boolean carries(HttpHeaders requestHeaders, String correlationId) {
        List<String> given = requestHeaders.get(HEADER);
        return given != null && given.size() == 1 && correlationId.equals(given.get(0));
    }
}
