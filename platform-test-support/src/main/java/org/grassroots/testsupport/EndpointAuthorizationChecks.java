package org.grassroots.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Authorisation everywhere, checked from what the running service really maps rather than from a
 * list someone keeps: every handler method in the service's {@link RequestMappingHandlerMapping}s
 * <ol>
 *   <li>answers 401 problem details to a call without a token, for each of its paths and methods;</li>
 *   <li>states who may call it with {@code @PreAuthorize} on the method or its controller class
 *       ({@code isAuthenticated()} where any signed-in user may, the finer scope being the service's).</li>
 * </ol>
 * Open by design, and so left out: springdoc's API description ({@code /v3/api-docs}) and Spring
 * Boot's own handlers (the {@code /error} page); actuator endpoints are mapped elsewhere and not
 * listed. A new endpoint is checked the moment it exists.
 *
 * <pre>{@code
 * @ServiceIntegrationTest
 * class CaseServiceEndpointAuthorizationIT extends EndpointAuthorizationChecks {
 * }
 * }</pre>
 */
public abstract class EndpointAuthorizationChecks {

    /** Packages whose handlers are open by design (see the class comment). */
    private static final List<String> OPEN_BY_DESIGN = List.of("org.springdoc.", "org.springframework.boot.");

    private static final Pattern CATCH_ALL_VARIABLE = Pattern.compile("\\{\\*[^}]*}");
    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]*}");

    /** A handler method at one path and HTTP method. */
    protected record Endpoint(HttpMethod method, String pattern, HandlerMethod handler) {

        @Override
        public String toString() {
            return method.name() + " " + pattern + " (" + handler.getBeanType().getSimpleName() + "."
                    + handler.getMethod().getName() + ")";
        }

        /** A concrete path that the pattern matches, with made-up values for its variables. */
        String samplePath() {
            String path = CATCH_ALL_VARIABLE.matcher(pattern).replaceAll("sample");
            path = VARIABLE.matcher(path).replaceAll("1");
            return path.replace("/**", "/sample").replace("/*", "/sample");
        }

        boolean openByDesign() {
            String type = handler.getBeanType().getName();
            return OPEN_BY_DESIGN.stream().anyMatch(type::startsWith);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    List<RequestMappingHandlerMapping> handlerMappings;

    protected RestTestClient client;

    @BeforeEach
    void client() {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    @Test
    void theServicesRequestMappingsAreEnumerated() {
        assertThat(endpoints())
                .as("the handler mappings list the API description at least; an empty list means nothing was read")
                .anyMatch(Endpoint::openByDesign);
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointRefusesACallWithoutAToken() {
        return guardedEndpoints().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            RestTestClient.RequestBodySpec request = client.method(endpoint.method()).uri(endpoint.samplePath());
            if (endpoint.method() == HttpMethod.POST || endpoint.method() == HttpMethod.PUT
                    || endpoint.method() == HttpMethod.PATCH) {
                request.contentType(MediaType.APPLICATION_JSON).body("{}");
            }
            request.exchange()
                    .expectStatus().isUnauthorized()
                    .expectBody().jsonPath("$.type").isEqualTo("urn:grassroots:problem:unauthorized");
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointStatesWhoMayCallIt() {
        return guardedEndpoints().map(endpoint -> DynamicTest.dynamicTest(endpoint.toString(), () -> {
            Method method = endpoint.handler().getMethod();
            boolean stated = AnnotatedElementUtils.hasAnnotation(method, PreAuthorize.class)
                    || AnnotatedElementUtils.hasAnnotation(endpoint.handler().getBeanType(), PreAuthorize.class);
            assertThat(stated)
                    .as("%s needs @PreAuthorize on the method or its class (isAuthenticated() if any signed-in user may call it)",
                            endpoint)
                    .isTrue();
        }));
    }

    /** Every (method, path pattern, handler) the service maps, sorted for a stable report. */
    protected List<Endpoint> endpoints() {
        return handlerMappings.stream()
                .flatMap(mapping -> mapping.getHandlerMethods().entrySet().stream())
                .flatMap(entry -> endpointsOf(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparing(Endpoint::pattern).thenComparing(endpoint -> endpoint.method().name()))
                .toList();
    }

    private Stream<Endpoint> guardedEndpoints() {
        return endpoints().stream().filter(endpoint -> !isOpenByDesign(endpoint));
    }

    /**
     * Whether an endpoint is left out of the checks as open by design: springdoc's and Spring Boot's
     * own handlers. A service with an interface of its own rules of access (case-service's Open311)
     * adds it here, and tests those rules itself.
     */
    protected boolean isOpenByDesign(Endpoint endpoint) {
        return endpoint.openByDesign();
    }

    private static Stream<Endpoint> endpointsOf(RequestMappingInfo info, HandlerMethod handler) {
        Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
        List<HttpMethod> httpMethods = methods.isEmpty()
                ? List.of(HttpMethod.GET)
                : methods.stream().map(method -> HttpMethod.valueOf(method.name())).toList();
        return info.getPatternValues().stream()
                .flatMap(pattern -> httpMethods.stream().map(method -> new Endpoint(method, pattern, handler)));
    }
}
