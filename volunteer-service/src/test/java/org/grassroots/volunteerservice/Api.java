package org.grassroots.volunteerservice;

import java.util.Map;

import org.grassroots.testsupport.TestTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The service's HTTP API as the demo district's people call it. */
public final class Api {

    public static final String CHENGNAN = "/qjp/qjp-pulou/qjp-pulou-chengnan";
    public static final String HEBIN = "/qjp/qjp-pulou/qjp-pulou-hebin";

    private final RestTestClient client;

    public Api(int port) {
        client = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }

    public static String staff(String userId, String orgPath) {
        return TestTokens.staff(userId, "community_staff", orgPath).bearer();
    }

    public static String partyMember(String userId) {
        return TestTokens.user(userId).roles("party_member", "volunteer").orgPath(CHENGNAN).bearer();
    }

    public static String resident(String userId) {
        return TestTokens.resident(userId, CHENGNAN).bearer();
    }

    public RestTestClient.ResponseSpec get(String uri, String bearer) {
        return client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer).exchange();
    }

    public RestTestClient.ResponseSpec post(String uri, String bearer, String json) {
        return client.post().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    public RestTestClient.ResponseSpec put(String uri, String bearer, String json) {
        return client.put().uri(uri).header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON).body(json).exchange();
    }

    /** The {@code id} of the JSON object a call returned. */
    @SuppressWarnings("unchecked")
    public static String id(RestTestClient.ResponseSpec response) {
        return String.valueOf(response.expectBody(Map.class).returnResult().getResponseBody().get("id"));
    }
}
