package org.grassroots.gateway.limits;

import java.util.regex.Pattern;

import org.grassroots.gateway.problem.ProblemResponseWriter;
import org.grassroots.gateway.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over the limit with 413 problem details before a service sees them. A
 * declared {@code Content-Length} is judged at once; a chunked body (no length given) is read up to
 * the limit and passed on whole, so a caller cannot slip a large body past by not declaring it.
 * Runs after the token check: only signed-in callers get their body read at all.
 *
 * <p>A photo upload ({@code POST /api/cases/{id}/attachments}) has a limit of its own, large enough
 * for nine 10 MB photos, and must declare its length (browsers do for a form): a chunked upload is
 * answered 411 rather than buffered here, so no upload is held in the gateway's memory.
 */
final class RequestSizeLimitFilter implements WebFilter, Ordered {

    static final int ORDER = UserRateLimitFilter.ORDER + 10;

    private static final Pattern PHOTO_UPLOAD = Pattern.compile("/api/cases/[^/]+/attachments/?");

    private final long maxBytes;
    private final long maxPhotoUploadBytes;
    private final ProblemResponseWriter problems;

    RequestSizeLimitFilter(long maxBytes, long maxPhotoUploadBytes, ProblemResponseWriter problems) {
        this.maxBytes = maxBytes;
        this.maxPhotoUploadBytes = maxPhotoUploadBytes;
        this.problems = problems;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (isPhotoUpload(request)) {
            if (declared > maxPhotoUploadBytes) {
                return tooLarge(exchange, maxPhotoUploadBytes);
            }
            if (declared < 0 && request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
                return problems.write(exchange, Problems.of(HttpStatus.LENGTH_REQUIRED,
                        "A photo upload must declare its Content-Length", request.getPath().value()));
            }
            return chain.filter(exchange);
        }
        if (declared > maxBytes) {
            return tooLarge(exchange);
        }
        if (declared >= 0 || !request.getHeaders().containsHeader(HttpHeaders.TRANSFER_ENCODING)) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(request.getBody(), (int) Math.min(maxBytes, Integer.MAX_VALUE))
                .map(body -> exchange.mutate().request(withBody(request, body)).build())
                .defaultIfEmpty(exchange)
                .flatMap(chain::filter)
                .onErrorResume(DataBufferLimitException.class, tooBig -> tooLarge(exchange));
    }

    private static ServerHttpRequest withBody(ServerHttpRequest request, DataBuffer body) {
        int length = body.readableByteCount();
        return new ServerHttpRequestDecorator(request) {
            @Override
            public HttpHeaders getHeaders() {
                HttpHeaders headers = new HttpHeaders();
                headers.putAll(super.getHeaders());
                headers.remove(HttpHeaders.TRANSFER_ENCODING);
                headers.setContentLength(length);
                return headers;
            }

            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.just(body);
            }
        };
    }

    private static boolean isPhotoUpload(ServerHttpRequest request) {
        return request.getMethod() == HttpMethod.POST && PHOTO_UPLOAD.matcher(request.getPath().value()).matches();
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return tooLarge(exchange, maxBytes);
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange, long limit) {
        return problems.write(exchange, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than " + limit + " bytes", exchange.getRequest().getPath().value()));
    }
}
