package org.playerdesk.social.internal;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.playerdesk.system.signing.SignedRequests;
import org.springframework.stereotype.Component;

@Component
class HttpForumCallbacks implements ForumCallbacks {

    private final PlatformHttp http;
    private final Clock clock;

    HttpForumCallbacks(PlatformHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void call(Source source, String url, Map<String, Object> body, String idempotencyKey) {
        byte[] bytes = http.json(body);
        URI uri = URI.create(url);
        String pathAndQuery = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        http.post(url, bytes, Map.of(SignedRequests.TIMESTAMP, timestamp, SignedRequests.SIGNATURE,
                SignedRequests.sign(source.secret(), "POST", pathAndQuery, timestamp, bytes),
                SignedRequests.IDEMPOTENCY_KEY, idempotencyKey));
    }
}
