package org.playerdesk.outreach.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What players and the SMS gateway reach without signing in: the one-click unsubscribe link of a
 * campaign email (opening it, or the mail client's RFC 8058 POST, opts the player out of email at
 * once) and the SMS gateway's signed delivery receipts.
 */
@Controller
class OutreachHooks {

    static final String RECEIPTS = "/outreach/sms/receipts";

    private final CampaignStore store;
    private final ContactStore contacts;
    private final OutreachProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    OutreachHooks(CampaignStore store, ContactStore contacts, OutreachProperties properties, JsonMapper json,
            Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The link in the email asks before it acts: a mail server's link scanner or a preview that
     * opens it must not opt the player out. The page's button, or the mail client's one click
     * (RFC 8058), does.
     */
    @GetMapping("/outreach/unsubscribe/{token}")
    String unsubscribePage(@PathVariable String token, Model model, jakarta.servlet.http.HttpServletResponse response) {
        boolean valid = recipient(token).isPresent();
        if (!valid) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("valid", valid);
        model.addAttribute("done", false);
        model.addAttribute("token", token);
        return "outreach/unsubscribed";
    }

    /** The page's button. */
    @PostMapping(value = "/outreach/unsubscribe/{token}", params = "confirm")
    @Transactional
    String unsubscribeConfirmed(@PathVariable String token, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        boolean done = unsubscribe(token);
        if (!done) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        }
        model.addAttribute("valid", done);
        model.addAttribute("done", done);
        model.addAttribute("token", token);
        return "outreach/unsubscribed";
    }

    /** RFC 8058: the mail client's one click ({@code List-Unsubscribe=One-Click}). */
    @PostMapping("/outreach/unsubscribe/{token}")
    @Transactional
    ResponseEntity<Void> unsubscribeOneClick(@PathVariable String token) {
        return unsubscribe(token) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
    }

    private Optional<CampaignStore.Unsubscribing> recipient(String token) {
        return UnsubscribeTokens.recipient(token).flatMap(store::unsubscribing)
                .filter(u -> UnsubscribeTokens.genuine(token, u.recipientId(), u.secret()));
    }

    private boolean unsubscribe(String token) {
        Optional<CampaignStore.Unsubscribing> found = recipient(token);
        found.ifPresent(u -> contacts.optOut(u.gameId(), u.playerId(), u.channel(), "unsubscribe link", clock.instant()));
        return found.isPresent();
    }

    /**
     * A delivery receipt: {@code {"reference": <recipient id>, "status": "delivered"|"failed",
     * "reason": …}}, signed by the gateway with the shared secret like the calls to it.
     */
    @PostMapping(RECEIPTS)
    @ResponseBody
    @Transactional
    ResponseEntity<Void> receipt(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = SignedRequests.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = SignedRequests.SIGNATURE, required = false) String signature,
            HttpServletRequest request) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!SignedRequests.verify(properties.sms().secret(), "POST", RECEIPTS, timestamp, bytes, signature,
                clock.instant())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode receipt;
        UUID recipient;
        try {
            receipt = json.readTree(bytes);
            recipient = UUID.fromString(receipt.path("reference").asString(""));
        } catch (RuntimeException e) {
            return ResponseEntity.badRequest().build();
        }
        String status = receipt.path("status").asString("");
        switch (status) {
            case "delivered" -> store.delivered(recipient, clock.instant());
            case "failed" -> store.undelivered(recipient, receipt.path("reason").asString("failed"));
            default -> {
                return ResponseEntity.badRequest().build();
            }
        }
        return ResponseEntity.noContent().build();
    }

    /** A player's mail client (unsubscribe) and the SMS gateway (signed receipts) call these, only these paths. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        ServerEndpoints outreachEndpoints() {
            return ServerEndpoints.of("/outreach/**");
        }
    }
}
