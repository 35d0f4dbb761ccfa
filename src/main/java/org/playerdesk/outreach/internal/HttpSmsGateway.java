package org.playerdesk.outreach.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic SMS gateway (docs/campaigns.md#sms-gateway): {@code POST <url>} with
 * {@code {"reference", "to", "text"}}, the reference as {@code Idempotency-Key}, signed like the
 * game connector ({@code X-PlayerDesk-Timestamp}, {@code X-PlayerDesk-Signature}); a 2xx answer
 * {@code {"id": …}} means accepted. A 5xx or no answer may be tried again later; a 4xx is final.
 */
@Component
class HttpSmsGateway implements SmsGateway {

    private final OutreachProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final OutboundAddresses outbound;

    HttpSmsGateway(OutreachProperties properties, JsonMapper json, Clock clock, OutboundAddresses outbound) {
        this.outbound = outbound;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.sms().timeout()).build();
    }

    @Override
    public String send(Sms sms) {
        OutreachProperties.Sms gateway = properties.sms();
        if (gateway.url() == null || gateway.secret() == null) {
            throw new Messenger.Undelivered("no SMS gateway is configured", false);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reference", sms.reference());
        body.put("to", sms.to());
        body.put("text", sms.text());
        byte[] bytes = json.writeValueAsBytes(body);
        URI uri = URI.create(gateway.url());
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(gateway.timeout())
                .header("Content-Type", "application/json")
                .header(SignedRequests.IDEMPOTENCY_KEY, sms.reference())
                .header(SignedRequests.TIMESTAMP, timestamp)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(gateway.secret(), "POST", path, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<String> answer;
        try {
            outbound.check(uri);
            answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Messenger.Undelivered("the SMS gateway did not answer: " + e.getMessage(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Messenger.Undelivered("interrupted", true);
        }
        if (answer.statusCode() >= 500) {
            throw new Messenger.Undelivered("the SMS gateway answered " + answer.statusCode(), true);
        }
        if (answer.statusCode() >= 300) {
            throw new Messenger.Undelivered("the SMS gateway refused the message (" + answer.statusCode() + "): "
                    + CampaignStore.clip(answer.body(), 200), false);
        }
        try {
            JsonNode id = json.readTree(answer.body()).path("id");
            return id.isString() ? CampaignStore.clip(id.asString(), 200) : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
