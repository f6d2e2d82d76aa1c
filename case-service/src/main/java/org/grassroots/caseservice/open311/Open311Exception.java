package org.grassroots.caseservice.open311;

import java.util.List;

/**
 * A refusal in Open311's own terms: an HTTP status and the list of {@code {code, description}}
 * errors the specification answers with (each error's code is the status).
 */
public class Open311Exception extends RuntimeException {

    private final int status;
    private final List<String> descriptions;

    public Open311Exception(int status, List<String> descriptions) {
        super(String.join("; ", descriptions));
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
    }

    public Open311Exception(int status, String description) {
        this(status, List.of(description));
    }

    public static Open311Exception badRequest(String description) {
        return new Open311Exception(400, description);
    }

    public static Open311Exception forbidden(String description) {
        return new Open311Exception(403, description);
    }

    public static Open311Exception notFound(String description) {
        return new Open311Exception(404, description);
    }

    public int status() {
        return status;
    }

    public List<String> descriptions() {
        return descriptions;
    }
}
