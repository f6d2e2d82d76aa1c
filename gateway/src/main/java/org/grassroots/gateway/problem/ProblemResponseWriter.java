package org.grassroots.gateway.problem;

import java.util.Map;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Writes a problem straight onto the response. Security and error handling answer outside any
 * handler, so they cannot return a {@code ServerResponse}; this uses the application's own codecs
 * so their JSON looks exactly like a handler's.
 */
@Component
public class ProblemResponseWriter {

    private static final ResolvableType PROBLEM_TYPE = ResolvableType.forClass(ProblemDetail.class);
    /** The largest body {@link #writeBeforeBody} reads before answering: any command's JSON, not a photo. */
    static final long LARGEST_BODY_READ = 256 * 1024;

    private final HttpMessageWriter<ProblemDetail> writer;

    public ProblemResponseWriter(ServerCodecConfigurer codecs) {
        this.writer = problemWriter(codecs);
    }

    public Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        return writer.write(Mono.just(problem), PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON, response, Map.of());
    }

    /**
     * Writes {@code problem} as the answer to a request turned away before anything read its body (at
     * the door, by the rate limits, by the token check), having first read and dropped a small body.
     * <p>
     * Answered with its body still unread, the request leaves the body's frames queued in the
     * connection, and Reactor Netty drops them once the answer is written. Reactor Netty 1.3.8 can
     * meet one of them released already, and then fails the connection instead of finishing it
     * (reactor/reactor-netty#4343, unfixed in any version served here): in storms of 30,000 reports,
     * each answered 503 at the door, a few callers got a broken connection or no answer at all
     * (docs/benchmarks.md, round 33). A body read to its end leaves nothing queued. Only a body that
     * has been sent, or is on its way, and is small: not one announced with {@code Expect:
     * 100-continue} (the caller waits to be asked for it), nor a chunked one or one larger than
     * {@value #LARGEST_BODY_READ} bytes (a photo upload), which are answered unread as before.
     */
    public Mono<Void> writeBeforeBody(ServerWebExchange exchange, ProblemDetail problem) {
        return readAndDropSmallBody(exchange.getRequest()).then(Mono.defer(() -> write(exchange, problem)));
    }

    private static Mono<Void> readAndDropSmallBody(ServerHttpRequest request) {
        HttpHeaders headers = request.getHeaders();
        long length = headers.getContentLength();
        if (length <= 0 || length > LARGEST_BODY_READ || headers.containsHeader(HttpHeaders.EXPECT)) {
            return Mono.empty();
        }
        return request.getBody().doOnNext(DataBufferUtils::release).then();
    }

    @SuppressWarnings("unchecked")
    private static HttpMessageWriter<ProblemDetail> problemWriter(ServerCodecConfigurer codecs) {
        return (HttpMessageWriter<ProblemDetail>) codecs.getWriters().stream()
                .filter(candidate -> candidate.canWrite(PROBLEM_TYPE, MediaType.APPLICATION_PROBLEM_JSON))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No codec writes application/problem+json"));
    }
}
