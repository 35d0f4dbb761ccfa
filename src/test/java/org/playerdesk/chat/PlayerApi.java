package org.playerdesk.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/** The widget's HTTP calls, made as the widget makes them. */
public final class PlayerApi {

    public record Answer(int status, Map<String, Object> body) {
        public String text(String field) {
            return String.valueOf(body.get(field));
        }
    }

    private final String base;
    private final HttpClient http = HttpClient.newHttpClient();

    public PlayerApi(String base) {
        this.base = base;
    }

    public static Map<String, Object> identity(ChatIdentity identity) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("game", identity.game());
        map.put("accountId", identity.accountId());
        map.put("nickname", identity.nickname());
        map.put("vipLevel", identity.vipLevel());
        map.put("server", identity.server());
        map.put("timestamp", identity.timestamp());
        map.put("signature", identity.signature());
        return map;
    }

    public Answer start(String game, Map<String, Object> identity, String clientId, String message) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("identity", identity);
        body.put("clientId", clientId);
        body.put("message", message);
        return call("POST", "/chat/api/" + game + "/chats", null, body);
    }

    public Answer call(String method, String path, String token, Object body) throws Exception {
        return call(method, path, token, body, "zh-CN");
    }

    /** The same in the language the widget asks for (its Accept-Language). */
    public Answer call(String method, String path, String token, Object body, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(ChatClient.JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("X-Chat-Token", token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        @SuppressWarnings("unchecked")
        Map<String, Object> json = response.body().isEmpty() ? Map.of()
                : ChatClient.JSON.readValue(response.body(), Map.class);
        return new Answer(response.statusCode(), json);
    }
}
