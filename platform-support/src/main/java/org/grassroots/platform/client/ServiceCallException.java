package org.grassroots.platform.client;

import org.grassroots.contracts.problems.ProblemType;
import org.grassroots.platform.problem.ProblemException;

/**
 * Another service did not give what was asked, said in terms the caller can act on: it did not
 * accept the token (401), does not allow the caller (403), is busy (429), refused the request
 * (another 4xx) or is unavailable (5xx, no answer in time, circuit open). Answered to our own
 * caller with the matching problem type, unless the service client's user decides otherwise.
 */
public class ServiceCallException extends ProblemException {

    private final String service;
    private final int status;

    ServiceCallException(String service, int status, ProblemType type, String detail) {
        super(type, detail);
        this.service = service;
        this.status = status;
    }

    /** What another service's non-2xx answer (other than 404) means to our caller. */
    static ServiceCallException answered(String service, int status) {
        return switch (status) {
            case 401 -> new ServiceCallException(service, status, ProblemType.UNAUTHORIZED,
                    service + " did not accept your token; sign in again");
            case 403 -> new ServiceCallException(service, status, ProblemType.FORBIDDEN,
                    service + " does not allow this caller");
            case 429 -> new ServiceCallException(service, status, ProblemType.TOO_MANY_REQUESTS,
                    service + " is busy; try again shortly");
            default -> status >= 400 && status < 500
                    ? new ServiceCallException(service, status, ProblemType.INTERNAL,
                            service + " refused the request (" + status + ")")
                    : unavailable(service, service + " answered " + status);
        };
    }

    static ServiceCallException unavailable(String service, String reason) {
        return new ServiceCallException(service, 0, ProblemType.SERVICE_UNAVAILABLE, reason);
    }

    public String service() {
        return service;
    }

    /** The status the service answered with, or 0 when it gave no answer (time limit, connection, open circuit). */
    public int status() {
        return status;
    }

    public boolean isUnavailable() {
        return type() == ProblemType.SERVICE_UNAVAILABLE;
    }
}
