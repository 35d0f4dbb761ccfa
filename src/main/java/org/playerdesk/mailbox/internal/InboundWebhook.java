package org.playerdesk.mailbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.ProblemResponses;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The push door of a webhook mailbox: a provider (or a relay in front of the mail server) POSTs
 * one raw MIME message to {@code /mail/inbound/{mailbox}}, signed like PlayerDesk's other signed
 * calls ({@link SignedRequests}: {@code X-PlayerDesk-Timestamp} and {@code X-PlayerDesk-Signature}
 * with the mailbox's own secret). Anything unsigned, wrongly signed, stale, or for a mailbox that
 * is not a webhook mailbox is refused with 401 and nothing is kept. The answer comes once the
 * message's ticket is committed, so a 200 means it is kept; a provider that gets no answer sends
 * again and the Message-ID makes that a no-op.
 */
@RestController
class InboundWebhook {

    static final String PATH = "/mail/inbound/";

    private final MailStore store;
    private final MailIntake intake;
    private final ProblemResponses problems;
    private final Clock clock;
    private final long maxBody;

    InboundWebhook(MailStore store, MailIntake intake, ProblemResponses problems, Clock clock,
            PlayerDeskProperties properties) {
        this.store = store;
        this.intake = intake;
        this.problems = problems;
        this.clock = clock;
        // the files a message may carry (base64: 4/3 of their size) and room for its text
        this.maxBody = properties.attachments().maxSize().toBytes() * (properties.attachments().maxPerMessage() + 1)
                * 4 / 3 + (1 << 20);
    }

    @PostMapping(PATH + "{mailbox}")
    ResponseEntity<?> receive(@PathVariable String mailbox, HttpServletRequest request) throws IOException {
        UUID id;
        try {
            id = UUID.fromString(mailbox);
        } catch (IllegalArgumentException notAnId) {
            return refused(request);
        }
        Mailbox box = store.mailbox(id).filter(b -> b.kind() == Mailbox.Kind.WEBHOOK && b.enabled()).orElse(null);
        byte[] body = read(request.getInputStream());
        if (body.length > maxBody) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problems.problem(request,
                    HttpStatus.CONTENT_TOO_LARGE, "mail-too-large", "Mail too large", "mailbox.webhook.tooLarge"));
        }
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (box == null || !SignedRequests.verify(box.webhookSecret(), "POST", path,
                request.getHeader(SignedRequests.TIMESTAMP), body, request.getHeader(SignedRequests.SIGNATURE),
                clock.instant())) {
            return refused(request);
        }
        try {
            MailIntake.Outcome outcome = intake.receive(box, body);
            return ResponseEntity.ok(Map.of("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)));
        } catch (MailReading.UnreadableMail unreadable) {
            return ResponseEntity.badRequest().body(problems.problem(request, HttpStatus.BAD_REQUEST, "mail-unreadable",
                    "Mail unreadable", "mailbox.webhook.unreadable"));
        }
    }

    private ResponseEntity<ProblemDetail> refused(HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problems.problem(request, HttpStatus.UNAUTHORIZED,
                "mail-signature", "Signature refused", "mailbox.webhook.unsigned"));
    }

    private byte[] read(InputStream in) throws IOException {
        return in.readNBytes((int) Math.min(Integer.MAX_VALUE - 16, maxBody + 1));
    }

    /** The webhook answers to its signature alone. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        ServerEndpoints inboundMailEndpoints() {
            return ServerEndpoints.of(PATH + "**");
        }
    }
}
