package org.playerdesk.social.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.playerdesk.system.net.OutboundAddresses;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the platform adapters (the JDK's), with the configured timeout; a call
 * that cannot reach the platform, or is answered with an error status, is a {@link DeliveryFailed}.
 */
@Component
@EnableConfigurationProperties(SocialSettings.class)
class PlatformHttp {

    private final HttpClient client;
    private final SocialSettings settings;
    private final JsonMapper json;
    private final OutboundAddresses outbound;

    PlatformHttp(SocialSettings settings, JsonMapper json, OutboundAddresses outbound) {
        this.outbound = outbound;
        this.settings = settings;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    SocialSettings settings() {
        return settings;
    }

    byte[] json(Object body) {
        return json.writeValueAsBytes(body);
    }

    JsonNode get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of());
    }

    JsonNode post(String url, byte[] body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json; charset=utf-8"), headers);
    }

    private JsonNode send(HttpRequest.Builder request, Map<String, String> headers) {
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            HttpRequest built = request.timeout(settings.timeout()).build();
            outbound.check(built.uri());
            response = client.send(built,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailed("unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailed("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailed("HTTP " + response.statusCode() + " " + shortened(response.body()));
        }
        if (response.body() == null || response.body().isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    static String shortened(String text) {
        return text == null ? "" : text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
