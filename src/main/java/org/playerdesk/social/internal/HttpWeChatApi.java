package org.playerdesk.social.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/**
 * The WeChat API over HTTP: the access token from {@code GET /cgi-bin/token} (AppID and AppSecret),
 * kept until shortly before it expires (WeChat gives two hours, and a new token ends the old one's
 * life after a few minutes, so each node keeps its own and fetches again when WeChat says the one
 * it holds is no longer valid); the message through {@code POST /cgi-bin/message/custom/send}.
 */
@Component
class HttpWeChatApi implements WeChatApi {

    /** Fetched again this long before WeChat's expiry, so that no call carries a token about to lapse. */
    static final Duration MARGIN = Duration.ofMinutes(5);
    /** WeChat's codes for a token that is wrong, expired or replaced. */
    static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);

    private final PlatformHttp http;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    HttpWeChatApi(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    private record Token(String value, Instant expiresAt) {
    }

    @Override
    public void sendText(Source account, String openId, String text) {
        if (account.appId() == null || account.appSecret() == null) {
            throw new DeliveryFailed("no AppID and AppSecret");
        }
        byte[] body = http.json(Map.of("touser", openId, "msgtype", "text", "text", Map.of("content", text)));
        JsonNode answer = send(account, body);
        if (STALE_TOKEN.contains(answer.path("errcode").asInt(0))) {
            tokens.remove(key(account));
            answer = send(account, body);
        }
        int code = answer.path("errcode").asInt(0);
        if (code != 0) {
            throw new DeliveryFailed("WeChat " + code + " " + answer.path("errmsg").asString(""));
        }
    }

    private JsonNode send(Source account, byte[] body) {
        return http.post(base() + "/cgi-bin/message/custom/send?access_token=" + encode(token(account)), body,
                Map.of());
    }

    private String token(Source account) {
        Instant now = clock.instant();
        Token held = tokens.get(key(account));
        if (held != null && now.isBefore(held.expiresAt())) {
            return held.value();
        }
        JsonNode answer = http.get(base() + "/cgi-bin/token?grant_type=client_credential&appid="
                + encode(account.appId()) + "&secret=" + encode(account.appSecret()));
        String value = answer.path("access_token").asString(null);
        if (value == null || value.isBlank()) {
            throw new DeliveryFailed("WeChat token " + answer.path("errcode").asInt(0) + " "
                    + answer.path("errmsg").asString(""));
        }
        long seconds = answer.path("expires_in").asLong(7200);
        tokens.put(key(account), new Token(value, now.plusSeconds(seconds).minus(MARGIN)));
        return value;
    }

    private static String key(Source account) {
        return account.appId() + "\n" + account.appSecret();
    }

    private String base() {
        return SocialSettings.trimmed(http.settings().wechatBaseUrl());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
