package org.playerdesk.outreach.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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
 * once), the SMS gateway's signed delivery receipts and the players' texts it hands over (replies
 * to campaigns, STOP). A gateway call unsigned, wrongly signed or stale is refused with 401 and a
 * problem (RFC 9457) and changes nothing.
 */
@Controller
class OutreachHooks {

    static final String RECEIPTS = "/outreach/sms/receipts";
    static final String INBOUND = "/outreach/sms/inbound";

    private final CampaignStore store;
    private final ContactStore contacts;
    private final SmsReplies replies;
    private final OutreachProperties properties;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final Clock clock;

    OutreachHooks(CampaignStore store, ContactStore contacts, SmsReplies replies, OutreachProperties properties,
            ProblemResponses problems, JsonMapper json, Clock clock) {
        this.store = store;
        this.contacts = contacts;
        this.replies = replies;
        this.properties = properties;
        this.problems = problems;
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
    ResponseEntity<?> receipt(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = SignedRequests.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = SignedRequests.SIGNATURE, required = false) String signature,
            HttpServletRequest request) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!signed(RECEIPTS, timestamp, bytes, signature)) {
            return refused(request);
        }
        JsonNode receipt;
        UUID recipient;
        try {
            receipt = json.readTree(bytes);
            recipient = UUID.fromString(receipt.path("reference").asString(""));
        } catch (RuntimeException e) {
            return unreadable(request);
        }
        String status = receipt.path("status").asString("");
        switch (status) {
            case "delivered" -> store.delivered(recipient, clock.instant());
            case "failed" -> store.undelivered(recipient, receipt.path("reason").asString("failed"));
            default -> {
                return unreadable(request);
            }
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * A player's text to the gateway's number: {@code {"id": <the gateway's id of it>, "from":
     * "+8613800138000", "text": "…"}}, signed like the receipts. Answers {@code {"outcome":
     * "replied"|"opted_out"|"unmatched"|"duplicate"}} (with {@code "ticket"}, its number, on a
     * reply) once what it did is committed.
     */
    @PostMapping(INBOUND)
    @ResponseBody
    @Transactional
    ResponseEntity<?> inbound(@RequestBody(required = false) byte[] body,
            @RequestHeader(value = SignedRequests.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(value = SignedRequests.SIGNATURE, required = false) String signature,
            HttpServletRequest request) {
        byte[] bytes = body == null ? new byte[0] : body;
        if (!signed(INBOUND, timestamp, bytes, signature)) {
            return refused(request);
        }
        String id;
        String from;
        String text;
        try {
            JsonNode sms = json.readTree(bytes);
            JsonNode given = sms.path("id");
            id = given.isString() && !given.asString().isBlank() ? CampaignStore.clip(given.asString().strip(), 200)
                    : null;
            from = sms.path("from").isString() ? sms.path("from").asString() : null;
            text = sms.path("text").isString() ? clean(sms.path("text").asString()) : null;
        } catch (RuntimeException e) {
            return unreadable(request);
        }
        if (from == null || text == null) {
            return unreadable(request);
        }
        SmsReplies.Taken taken = replies.take(id, from, text);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("outcome", taken.outcome().code());
        if (taken.ticketId() != null) {
            answer.put("ticket", taken.ticketId().toString());
        }
        return ResponseEntity.ok(answer);
    }

    private boolean signed(String path, String timestamp, byte[] body, String signature) {
        return SignedRequests.verify(properties.sms().secret(), "POST", path, timestamp, body, signature,
                clock.instant());
    }

    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.UNAUTHORIZED, "sms-signature", "Signature refused",
                        "outreach.sms.unsigned"));
    }

    private ResponseEntity<ProblemDetail> unreadable(HttpServletRequest request) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problems.problem(request, HttpStatus.BAD_REQUEST, "sms-unreadable", "SMS unreadable",
                        "outreach.sms.unreadable"));
    }

    /** The text as a ticket keeps it: line breaks as \n, no other control characters, no blanks around it. */
    static String clean(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\p{Cntrl}&&[^\n\t]]", "").strip();
    }

    /** A player's mail client (unsubscribe) and the SMS gateway (signed receipts and texts) call these, only these paths. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        ServerEndpoints outreachEndpoints() {
            return ServerEndpoints.of("/outreach/**");
        }
    }
}
