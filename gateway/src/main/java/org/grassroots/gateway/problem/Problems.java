package org.grassroots.gateway.problem;

import java.net.URI;

import org.grassroots.contracts.problems.ProblemType;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details in the platform's shape: the {@link ProblemType} the services answer with
 * for the same status (so a client sees one {@code urn:grassroots:problem:*} list, whoever answered),
 * and {@code instance} the path the caller asked for.
 */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String path) {
        ProblemType type = ProblemType.forStatus(status.value());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        problem.setInstance(instance(path));
        return problem;
    }

    /**
     * The 503 for a service the gateway could not ask: its route's breaker fallback
     * ({@code ServiceUnavailableFallback}) and the door's answer while that breaker is open
     * ({@code OpenBreakers}) give the same one.
     */
    public static ProblemDetail serviceUnavailable(String service, String path) {
        return of(HttpStatus.SERVICE_UNAVAILABLE, service + " is unavailable; try again shortly", path);
    }

    private static URI instance(String path) {
        try {
            return URI.create(path);
        }
        catch (IllegalArgumentException notAUri) {
            // A path the HTTP server let through but java.net.URI rejects: the problem is still worth sending.
            return null;
        }
    }
}
