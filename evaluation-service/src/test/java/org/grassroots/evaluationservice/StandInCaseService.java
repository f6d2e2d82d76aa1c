package org.grassroots.evaluationservice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * case-service's {@code GET /api/cases/{id}} as evaluation-service relies on it, played by a JDK
 * HTTP server: it reads the relayed token and shows a case to its reporter, to staff whose org
 * path holds the case's and to staff of the department it was dispatched to; everyone else gets
 * 404. A case id registered as failing answers 500, as a case-service in trouble would.
 */
public final class StandInCaseService {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The one stand-in of the test JVM. */
    public static final StandInCaseService INSTANCE = start();

    /** Points the service at {@link #INSTANCE}. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("stand-in-case-service",
                    Map.of("grassroots.evaluation.case-service.url", INSTANCE.url())));
        }
    }
    private static final Set<String> AREA_ROLES = Set.of("grid_worker", "community_staff", "street_staff",
            "district_admin");

    private final HttpServer server;
    private final Map<String, StoredCase> cases = new ConcurrentHashMap<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> refusing = new ConcurrentHashMap<>();

    /**
     * A case as case-service holds it.
     *
     * @param reporterId the reporter's user id, which case-service never publishes
     * @param department the department it is dispatched to, or null
     */
    public record StoredCase(String id, String number, String status, String categoryCode, String communityId,
            String orgPath, Instant reportedAt, Instant closedAt, String reporterId, String department) {
    }

    private StandInCaseService(HttpServer server) {
        this.server = server;
        server.createContext("/api/cases/", this::answer);
        server.start();
    }

    public static StandInCaseService start() {
        try {
            return new StandInCaseService(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void add(StoredCase aCase) {
        cases.put(aCase.id(), aCase);
    }

    public void failFor(String caseId) {
        failing.add(caseId);
    }

    /** Answers every question about {@code caseId} with {@code status}, as a case-service that refuses would. */
    public void refuseWith(String caseId, int status) {
        refusing.put(caseId, status);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/api/cases/".length());
        if (failing.contains(id)) {
            respond(exchange, 500, Map.of("title", "Internal error"));
            return;
        }
        if (refusing.containsKey(id)) {
            respond(exchange, refusing.get(id), Map.of("status", refusing.get(id)));
            return;
        }
        StoredCase aCase = cases.get(id);
        JsonNode token = claims(exchange.getRequestHeaders().getFirst("Authorization"));
        if (aCase == null || token == null || !visible(aCase, token)) {
            respond(exchange, 404, Map.of("type", "urn:grassroots:problem:not-found", "status", 404));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", aCase.id());
        body.put("number", aCase.number());
        body.put("status", aCase.status());
        body.put("categoryCode", aCase.categoryCode());
        body.put("communityId", aCase.communityId());
        body.put("orgPath", aCase.orgPath());
        body.put("reportedAt", aCase.reportedAt().toString());
        if (aCase.closedAt() != null) {
            body.put("closedAt", aCase.closedAt().toString());
        }
        if (aCase.department() != null) {
            body.put("assignee", Map.of("kind", "DEPARTMENT", "id", aCase.department(), "displayName", "区城管局"));
        }
        body.put("description", "城南小区东门垃圾堆放三天无人清运");
        body.put("reportedByCaller", aCase.reporterId().equals(token.path("sub").asString()));
        respond(exchange, 200, body);
    }

    private static boolean visible(StoredCase aCase, JsonNode token) {
        if (aCase.reporterId().equals(token.path("sub").asString())) {
            return true;
        }
        List<String> roles = JSON.convertValue(token.path("realm_access").path("roles"),
                JSON.getTypeFactory().constructCollectionType(List.class, String.class));
        String orgPath = token.path("org_path").asString("");
        if (roles.stream().anyMatch(AREA_ROLES::contains) && !orgPath.isEmpty()
                && (aCase.orgPath().equals(orgPath) || aCase.orgPath().startsWith(orgPath + "/"))) {
            return true;
        }
        return roles.contains("department_staff") && aCase.department() != null
                && aCase.department().equals(token.path("department_id").asString(""));
    }

    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
