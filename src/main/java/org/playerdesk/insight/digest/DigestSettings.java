package org.playerdesk.insight.digest;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.net.OutboundAddresses;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each game's digest settings: the schedule (off, daily, weekly), who gets it by email and in
 * which language (none chosen: the game's), and the webhook it is posted to with its secret
 * (write-only: a blank secret keeps the stored one). Changing them starts the schedule again
 * from now.
 */
@Service
@Transactional
class DigestSettings {

    static final int RECIPIENTS_MAX = 20;
    static final List<String> LANGUAGES = List.of("zh-CN", "en");
    private static final String EMAIL = "[^@\\s<>\",;]{1,64}@[^@\\s<>\",;]{1,190}\\.[^@\\s<>\",;]{2,63}";

    /** What a lead sends from the settings form. */
    record Form(String schedule, String recipients, String language, String webhookUrl, String webhookSecret) {
    }

    /** The settings as the page shows them: never the secret, only whether there is one. */
    record View(DigestSchedule schedule, List<String> recipients, String language, String webhookUrl,
            boolean hasSecret, Instant nextDueAt, Instant lastSentAt, String lastFailure, Instant lastFailureAt,
            int failures) {

        public String recipientText() {
            return String.join(", ", recipients);
        }
    }

    private final DigestStore store;
    private final DeveloperDigests digests;
    private final DigestProperties properties;
    private final Clock clock;
    private final OutboundAddresses outbound;

    DigestSettings(DigestStore store, DeveloperDigests digests, DigestProperties properties, Clock clock,
            OutboundAddresses outbound) {
        this.outbound = outbound;
        this.store = store;
        this.digests = digests;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    View of(UUID gameId) {
        return store.setting(gameId)
                .map(s -> new View(s.schedule(), s.recipients(), s.language(), s.webhookUrl(),
                        s.webhookSecret() != null && !s.webhookSecret().isEmpty(), s.nextDueAt(), s.lastSentAt(),
                        s.lastFailure(), s.lastFailureAt(), s.failures()))
                .orElse(new View(DigestSchedule.OFF, List.of(), null, null, false, null, null, null, null, 0));
    }

    void save(UUID gameId, Form form, StaffMember editor) {
        DeveloperDigests.requireManager(editor, gameId);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        DigestSchedule schedule = null;
        for (DigestSchedule candidate : DigestSchedule.values()) {
            if (candidate.code().equals(form.schedule() == null ? "" : form.schedule().strip())) {
                schedule = candidate;
            }
        }
        if (schedule == null) {
            errors.add(new InvalidInput.FieldError("schedule", "invalid.choose"));
        }
        List<String> recipients = form.recipients() == null ? List.of()
                : Arrays.stream(form.recipients().strip().split("[\\s,;，；]+")).filter(s -> !s.isEmpty()).distinct()
                        .toList();
        if (recipients.size() > RECIPIENTS_MAX) {
            errors.add(new InvalidInput.FieldError("recipients", "invalid.tooMany", RECIPIENTS_MAX));
        } else if (recipients.stream().anyMatch(r -> !r.matches(EMAIL))) {
            errors.add(new InvalidInput.FieldError("recipients", "invalid.email"));
        }
        String language = form.language() == null || form.language().isBlank() ? null : form.language().strip();
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add(new InvalidInput.FieldError("language", "invalid.choose"));
        }
        String url = form.webhookUrl() == null || form.webhookUrl().isBlank() ? null : form.webhookUrl().strip();
        if (url != null && (url.length() > 500 || !httpUrl(url))) {
            errors.add(new InvalidInput.FieldError("webhookUrl", "invalid.url"));
        } else if (url != null) {
            outbound.refusal(url).ifPresent(key -> errors.add(new InvalidInput.FieldError("webhookUrl", key)));
        }
        String secret = form.webhookSecret() == null || form.webhookSecret().isBlank() ? null
                : form.webhookSecret().strip();
        boolean hasSecret = secret != null || store.setting(gameId).map(s -> s.webhookSecret() != null).orElse(false);
        if (secret != null && (secret.length() < 16 || secret.length() > 200)) {
            errors.add(new InvalidInput.FieldError("webhookSecret", "invalid.length", 16, 200));
        } else if (url != null && !hasSecret) {
            errors.add(new InvalidInput.FieldError("webhookSecret", "invalid.required"));
        }
        if (schedule != null && schedule != DigestSchedule.OFF && recipients.isEmpty() && url == null) {
            errors.add(new InvalidInput.FieldError("recipients", "insight.digest.error.nowhere"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        store.save(gameId, schedule, recipients, language, url, secret,
                schedule.nextAfter(now, digests.zone(gameId), properties.sendAt()), now);
    }

    static boolean httpUrl(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
