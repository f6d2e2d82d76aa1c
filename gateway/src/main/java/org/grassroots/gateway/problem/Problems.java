package org.grassroots.gateway.problem;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * RFC 9457 problem details in the platform's shape: {@code type} is
 * {@code urn:grassroots:problem:<status-in-words>}, {@code instance} is the path the caller asked for.
 */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:grassroots:problem:";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String detail, String path) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setType(URI.create(TYPE_PREFIX + slug(status, known)));
        problem.setTitle(known != null ? known.getReasonPhrase() : "HTTP " + status.value());
        problem.setInstance(instance(path));
        return problem;
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

    private static String slug(HttpStatusCode status, HttpStatus known) {
        if (known == null) {
            return "http-" + status.value();
        }
        return known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
