package org.grassroots.contracts.problems;

import java.net.URI;

/**
 * Every kind of error Grassroots answers with, as an RFC 9457 problem type, the same at the gateway
 * and in every service. Clients switch on {@link #uri()}, which never changes; titles are for people.
 * Plain Java, so the reactive gateway and the servlet services share one list.
 */
public enum ProblemType {

    VALIDATION("validation", 400, "The request has invalid fields"),
    MALFORMED_REQUEST("malformed-request", 400, "The request body cannot be read"),
    UNAUTHORIZED("unauthorized", 401, "A valid bearer token is required"),
    FORBIDDEN("forbidden", 403, "Not allowed for this caller"),
    NOT_FOUND("not-found", 404, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed here"),
    NOT_ACCEPTABLE("not-acceptable", 406, "No acceptable representation"),
    VERSION_CONFLICT("version-conflict", 409, "Changed by someone else meanwhile"),
    INVALID_STATE("invalid-state", 409, "Not allowed in the current state"),
    ALREADY_EXISTS("already-exists", 409, "Already exists"),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type"),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests"),
    INTERNAL("internal", 500, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", 503, "Service unavailable"),
    GATEWAY_TIMEOUT("gateway-timeout", 504, "A service did not answer in time");

    private static final String PREFIX = "urn:grassroots:problem:";

    private final URI uri;
    private final int status;
    private final String title;

    ProblemType(String slug, int status, String title) {
        this.uri = URI.create(PREFIX + slug);
        this.status = status;
        this.title = title;
    }

    public URI uri() {
        return uri;
    }

    /** The HTTP status this problem is answered with. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /**
     * The type for a bare HTTP status, where an error carries nothing more specific (a framework's
     * own 404, 405, 413…): the one type of that status, or the generic one of its class.
     */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> GATEWAY_TIMEOUT;
            default -> status >= 400 && status < 500 ? MALFORMED_REQUEST : INTERNAL;
        };
    }
}
