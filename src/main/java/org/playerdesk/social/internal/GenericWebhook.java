package org.playerdesk.social.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Hidden;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic social webhook (docs/social-webhooks.openapi.yaml): a forum or any other system posts
 * one post or direct message as JSON, signed like PlayerDesk's own calls
 * ({@link SignedRequests}) with the source's secret. Unsigned, wrongly signed or stale: 401, nothing
 * written. Answered once the post is written to its ticket; the same post again answers the same.
 */
@RestController
@Hidden // documented in its own contract, not the game API's
class GenericWebhook {

    record Author(String id, String name) {
    }

    record Post(String platform, String kind, String threadId, String postId, Author author, String text, String url,
            String replyUrl) {
    }

    record Received(long ticketNumber, boolean opened, boolean duplicate) {
    }

    private final SocialSources sources;
    private final SocialIntake intake;
    private final JsonMapper json;
    private final Clock clock;

    GenericWebhook(SocialSources sources, SocialIntake intake, JsonMapper json, Clock clock) {
        this.sources = sources;
        this.intake = intake;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(path = "/social/hooks/generic/{source}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> receive(@PathVariable String source, HttpServletRequest request) throws IOException {
        byte[] body = Webhooks.body(request);
        Optional<Source> found = Webhooks.source(sources, source, Platform.GENERIC);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        if (!SignedRequests.verify(found.get().secret(), request.getMethod(), Webhooks.pathAndQuery(request),
                request.getHeader(SignedRequests.TIMESTAMP), body, request.getHeader(SignedRequests.SIGNATURE),
                clock.instant())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        Inbound post = read(body);
        Inbound.Received received = intake.receive(found.get(), post);
        return ResponseEntity.ok(new Received(received.ticketNumber(), received.opened(), received.duplicate()));
    }

    private Inbound read(byte[] body) {
        Post post;
        try {
            post = json.readValue(body, Post.class);
        } catch (JacksonException e) {
            throw InvalidInput.of("body", "invalid.social.body");
        }
        if (post == null) {
            throw InvalidInput.of("body", "invalid.social.body");
        }
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String thread = required("threadId", post.threadId(), 200, errors);
        String postId = required("postId", post.postId(), 200, errors);
        String author = required("author.id", post.author() == null ? null : post.author().id(), 48, errors);
        String name = post.author() == null ? null : SocialSources.blank(post.author().name());
        if (name != null && name.length() > 100) {
            errors.add(new InvalidInput.FieldError("author.name", "invalid.tooLong", 100));
        }
        String text = required("text", post.text(), 20_000, errors);
        String kind = post.kind() == null ? "post" : post.kind();
        if (!Map.of("post", 1, "direct", 2).containsKey(kind)) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.social.kind"));
        }
        String network = SocialSources.blank(post.platform());
        if (network != null && (network.length() > 30 || network.lines().count() > 1)) {
            errors.add(new InvalidInput.FieldError("platform", "invalid.tooLong", 30));
        }
        String url = SocialSources.blank(post.url());
        if (url != null && (url.length() > 1000 || !SocialSources.web(url))) {
            errors.add(new InvalidInput.FieldError("url", "invalid.social.url"));
        }
        String reply = SocialSources.blank(post.replyUrl());
        if (reply != null && (reply.length() > 1000 || !SocialSources.web(reply))) {
            errors.add(new InvalidInput.FieldError("replyUrl", "invalid.social.url"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Inbound(thread, postId, author, name, "direct".equals(kind) ? Inbound.Kind.DIRECT
                : Inbound.Kind.POST, text, url, reply, null, null, network);
    }

    private static String required(String field, String value, int max, List<InvalidInput.FieldError> errors) {
        String text = SocialSources.blank(value);
        if (text == null) {
            errors.add(new InvalidInput.FieldError(field, "invalid.blank"));
        } else if (text.length() > max) {
            errors.add(new InvalidInput.FieldError(field, "invalid.tooLong", max));
        }
        return text;
    }
}
