package org.grassroots.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import org.grassroots.testsupport.TestTokenIssuer;
import org.grassroots.testsupport.TestTokens;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Measures what the gateway adds to a request: the same GET is sent straight to a stand-in service
 * and through the gateway (token check, rate limits, circuit breaker, retry filter, headers, access
 * log), alternately, one at a time, in one run on one machine. Not a test; run it by hand:
 *
 * <pre>
 * ./mvnw -q -o -pl gateway -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/gateway-cp.txt -Dmdep.includeScope=test
 * java -cp gateway/target/test-classes:gateway/target/classes:$(cat /tmp/gateway-cp.txt) \
 *     org.grassroots.gateway.GatewayLatencyMeasurement 5000
 * </pre>
 */
public final class GatewayLatencyMeasurement {

    private GatewayLatencyMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int warmUp = Math.max(1000, requests / 2);
        // A Netty stand-in (TCP_NODELAY, one write per answer, like Tomcat in the real services): the JDK
        // HttpServer of the tests writes headers and body apart, and Nagle's algorithm then adds ~40 ms.
        DisposableServer service = HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/**", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"service\":\"case-service\"}"))))
                .bindNow();
        String serviceUrl = "http://127.0.0.1:" + service.port();
        try {
            ConfigurableApplicationContext gateway = new SpringApplication(GatewayApplication.class).run(
                    "--server.port=0",
                    "--CASE_SERVICE_URL=" + serviceUrl,
                    "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestTokenIssuer.issuer(),
                    "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + TestTokenIssuer.jwkSetUri(),
                    "--grassroots.gateway.rate-limit.per-user.capacity=1000000",
                    "--grassroots.gateway.rate-limit.per-client-ip.capacity=1000000",
                    "--logging.level.org.grassroots.gateway.accesslog=WARN");
            try {
                int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
                String bearer = TestTokens.user("latency-probe").roles("resident").expiresIn(Duration.ofHours(1)).bearer();
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest direct = get(serviceUrl + "/api/cases/42", bearer);
                HttpRequest viaGateway = get("http://127.0.0.1:" + port + "/api/cases/42", bearer);

                for (int i = 0; i < warmUp; i++) {
                    time(http, direct);
                    time(http, viaGateway);
                }
                long[] directNanos = new long[requests];
                long[] gatewayNanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    directNanos[i] = time(http, direct);
                    gatewayNanos[i] = time(http, viaGateway);
                }
                report(requests, warmUp, directNanos, gatewayNanos);
            }
            finally {
                gateway.close();
            }
        }
        finally {
            service.disposeNow();
        }
    }

    private static HttpRequest get(String url, String bearer) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build();
    }

    private static long time(HttpClient http, HttpRequest request) throws Exception {
        long started = System.nanoTime();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - started;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
        }
        return took;
    }

    private static void report(int requests, int warmUp, long[] direct, long[] viaGateway) {
        Arrays.sort(direct);
        Arrays.sort(viaGateway);
        System.out.printf(Locale.ROOT, "%d sequential GETs each way after %d warm-up pairs%n", requests, warmUp);
        System.out.printf(Locale.ROOT, "direct to the service: median %.3f ms, p99 %.3f ms%n",
                millis(percentile(direct, 50)), millis(percentile(direct, 99)));
        System.out.printf(Locale.ROOT, "through the gateway:   median %.3f ms, p99 %.3f ms%n",
                millis(percentile(viaGateway, 50)), millis(percentile(viaGateway, 99)));
        System.out.printf(Locale.ROOT, "added by the gateway:  median %.3f ms, p99 %.3f ms%n",
                millis(percentile(viaGateway, 50) - percentile(direct, 50)),
                millis(percentile(viaGateway, 99) - percentile(direct, 99)));
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
