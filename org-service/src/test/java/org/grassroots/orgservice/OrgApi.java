package org.grassroots.orgservice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The org-service API as the tests call it: small helpers over {@link RestTestClient}. */
public final class OrgApi {

    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() { };
    public static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST =
            new ParameterizedTypeReference<>() { };

    private final RestTestClient client;

    public OrgApi(int port) {
        this.client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public RestTestClient client() {
        return client;
    }

    /** A code no other test uses: tests share one store. */
    public static String fresh(String prefix) {
        return prefix + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
    }

    public static Map<String, Object> unit(String code, String name, String type, String parentCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("type", type);
        body.put("parentCode", parentCode);
        return body;
    }

    public RestTestClient.ResponseSpec post(String uri, String bearer, Object body) {
        return client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public RestTestClient.ResponseSpec put(String uri, String bearer, Object body) {
        return client.put().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).exchange();
    }

    public RestTestClient.ResponseSpec get(String uri, String bearer) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    /** Creates a unit and expects 201. */
    public void create(String bearer, String code, String name, String type, String parentCode) {
        post("/api/orgs", bearer, unit(code, name, type, parentCode)).expectStatus().isCreated();
    }

    public Map<String, Object> getJson(String uri, String bearer) {
        return get(uri, bearer).expectStatus().isOk().expectBody(JSON).returnResult().getResponseBody();
    }

    public List<Map<String, Object>> getList(String uri, String bearer) {
        return get(uri, bearer).expectStatus().isOk().expectBody(JSON_LIST).returnResult().getResponseBody();
    }

    /** The items of one page of a paged list (platform-support's {@code Page}). */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> getItems(String uri, String bearer) {
        return (List<Map<String, Object>>) getJson(uri, bearer).get("items");
    }

    /**
     * Every item of a paged list, read page after page of {@code size} until its {@code totalItems}, as the
     * web's {@code allPages} reads it; the pages must all tell the same total.
     */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> readAllPages(String uri, String bearer, int size) {
        List<Map<String, Object>> all = new java.util.ArrayList<>();
        Number total = null;
        for (int page = 0; total == null || all.size() < total.longValue(); page++) {
            Map<String, Object> answer = getJson(uri + (uri.contains("?") ? "&" : "?") + "page=" + page + "&size=" + size,
                    bearer);
            List<Map<String, Object>> items = (List<Map<String, Object>>) answer.get("items");
            if (total != null && !total.equals(answer.get("totalItems"))) {
                throw new AssertionError("page " + page + " tells " + answer.get("totalItems") + " in all, page 0 told " + total);
            }
            total = (Number) answer.get("totalItems");
            if (items.isEmpty()) {
                break;
            }
            all.addAll(items);
        }
        return all;
    }
}
