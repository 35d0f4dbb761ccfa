package org.playerdesk.insight.digest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.database.DatabaseUnavailable;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.retry.Retries;
import org.playerdesk.system.signing.SignedRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends each game's digest when it is due, from every node: each sweep claims a due digest with
 * a conditional update ({@link DigestStore#claim}), so only one node sends it. A digest goes by
 * email to the recipients (in their chosen language, or the game's) and as signed JSON to the
 * webhook; each channel that took it is written down, so a retry sends only what is missing.
 * When a channel fails, after a few attempts at once, the failure is recorded, the digest stays
 * due and is tried again after {@code retry-after}: a due digest is retried, never dropped.
 */
@Component
class DigestSender {

    private static final Logger log = LoggerFactory.getLogger(DigestSender.class);
    static final String EVENT = "insight.digest";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DigestStore store;
    private final DeveloperDigests digests;
    private final GameCatalog games;
    private final ObjectProvider<JavaMailSender> mail;
    private final MessageSource messages;
    private final JsonMapper json;
    private final DigestProperties properties;
    private final Clock clock;
    private final HttpClient http;
    private final RetryTemplate attempts;
    private final OutboundAddresses outbound;

    DigestSender(DigestStore store, DeveloperDigests digests, GameCatalog games, ObjectProvider<JavaMailSender> mail,
            MessageSource messages, JsonMapper json, DigestProperties properties, Clock clock,
            OutboundAddresses outbound) {
        this.outbound = outbound;
        this.store = store;
        this.digests = digests;
        this.games = games;
        this.mail = mail;
        this.messages = messages;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.attempts = Retries.pausingLonger(properties.attempts(), properties.attemptPause(), IOException.class,
                MailException.class, MessagingException.class, Refused.class);
    }

    /** The webhook answered, but not with 2xx. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @Scheduled(initialDelayString = "${playerdesk.insight.digests.sweep-interval:1m}",
            fixedDelayString = "${playerdesk.insight.digests.sweep-interval:1m}")
    void sweep() {
        DatabaseUnavailable.tolerate(log, "Developer digests not sent yet", this::sendDue);
    }

    /** Sends every digest due now that no other node holds; answers how many went everywhere. */
    int sendDue() {
        Instant now = clock.instant();
        int sent = 0;
        for (UUID gameId : store.due(now, 50)) {
            DigestStore.Setting setting = store.setting(gameId).orElse(null);
            if (setting == null || setting.nextDueAt() == null
                    || !store.claim(gameId, setting.nextDueAt(), now, now.plus(properties.lease()))) {
                continue;
            }
            if (send(setting, now)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(DigestStore.Setting setting, Instant now) {
        Instant due = setting.nextDueAt();
        UUID gameId = setting.gameId();
        ZoneId zone = digests.zone(gameId);
        try {
            LocalDate[] period = setting.schedule().period(due, zone);
            DigestView digest = digests.digest(gameId, period[0], period[1]);
            if (!setting.recipients().isEmpty() && !due.equals(setting.mailedFor())) {
                attempts.execute(() -> {
                    email(setting, digest, zone);
                    return null;
                });
                store.mailed(gameId, due);
            }
            if (setting.webhookUrl() != null && !due.equals(setting.postedFor())) {
                attempts.execute(() -> {
                    post(setting, digest, due);
                    return null;
                });
                store.posted(gameId, due);
            }
            store.sent(gameId, due, setting.schedule().nextAfter(now, zone, properties.sendAt()), clock.instant());
            log.info("Developer digest of game {} for {} to {} sent", gameId, period[0], period[1]);
            return true;
        } catch (RetryException | RuntimeException failure) {
            Throwable cause = failure instanceof RetryException retry && retry.getCause() != null ? retry.getCause()
                    : failure;
            String what = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            log.warn("Developer digest of game {} due {} not sent; tried again later: {}", gameId, due, what);
            store.failed(gameId, due, what, clock.instant(), clock.instant().plus(properties.retryAfter()));
            return false;
        }
    }

    private void email(DigestStore.Setting setting, DigestView digest, ZoneId zone) throws MessagingException {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new IllegalStateException("no SMTP server is configured (spring.mail.host)");
        }
        GameInfo game = digest.game();
        Locale locale = Locales.supported(setting.language() != null ? setting.language() : game.defaultLocale());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(setting.recipients().toArray(String[]::new));
        helper.setSubject(text("insight.digest.mail.subject", locale, game.name(), digest.from(), digest.to(),
                digest.groups().size()));
        helper.setText(body(digest, zone, locale));
        sender.send(message);
    }

    String body(DigestView digest, ZoneId zone, Locale locale) {
        StringBuilder body = new StringBuilder();
        body.append(text("insight.digest.mail.intro", locale, digest.game().name(), digest.from(), digest.to(),
                digest.reports(), digest.groups().size())).append("\n\n");
        int n = 0;
        for (DigestView.GroupView group : digest.groups()) {
            n++;
            body.append(n).append(". ").append(text("ticket.type." + group.type().code(), locale)).append(" · ")
                    .append(text("assist.area." + group.area().code(), locale)).append(" · ")
                    .append(group.words().isEmpty() ? text("insight.digest.noWords", locale)
                            : String.join(" ", group.words()))
                    .append("\n");
            body.append("   ").append(text("insight.digest.mail.group", locale, group.count(),
                    WHEN.format(group.firstSeen().atZone(zone)), WHEN.format(group.lastSeen().atZone(zone)),
                    blankAsDash(group.clientVersion()), blankAsDash(group.device()),
                    group.servers().isEmpty() ? "-" : String.join(", ", group.servers()))).append("\n");
            body.append("   ").append(text("insight.digest.mail.samples", locale, group.samples().stream()
                    .map(s -> "#" + s.number() + " " + properties.publicUrl() + "/console/tickets/" + s.ticketId())
                    .reduce((a, b) -> a + ", " + b).orElse("-"))).append("\n");
            for (String quote : group.quotes()) {
                body.append("   “").append(quote.replace('\n', ' ')).append("”\n");
            }
            if (group.reported()) {
                body.append("   ").append(text("insight.digest.mail.reported", locale, group.reportedRef())).append("\n");
            }
            body.append("\n");
        }
        if (digest.groups().isEmpty()) {
            body.append(text("insight.digest.none", locale)).append("\n");
        }
        return body.toString();
    }

    private void post(DigestStore.Setting setting, DigestView digest, Instant due) throws IOException,
            InterruptedException {
        byte[] bytes = json.writeValueAsBytes(payload(digest, due));
        URI uri = URI.create(setting.webhookUrl());
        outbound.check(uri);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header(SignedRequests.IDEMPOTENCY_KEY, "digest:" + setting.gameId() + ":" + due.getEpochSecond())
                .header(SignedRequests.TIMESTAMP, timestamp)
                .header(SignedRequests.SIGNATURE, SignedRequests.sign(setting.webhookSecret(), "POST", path, timestamp,
                        bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() / 100 != 2) {
            throw new Refused("the webhook answered " + answer.statusCode());
        }
    }

    /** The webhook's JSON: the game, the period and each group with its figures and examples. */
    Map<String, Object> payload(DigestView digest, Instant due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", EVENT);
        body.put("game", Map.of("id", digest.game().id().toString(), "code", digest.game().code(), "name",
                digest.game().name()));
        body.put("period", Map.of("from", digest.from().toString(), "to", digest.to().toString()));
        body.put("dueAt", due.toString());
        body.put("reports", digest.reports());
        body.put("groups", digest.groups().stream().map(group -> {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("id", group.id().toString());
            g.put("type", group.type().code());
            g.put("area", group.area().code());
            g.put("clientVersion", group.clientVersion());
            g.put("device", group.device());
            g.put("words", group.words());
            g.put("count", group.count());
            g.put("firstSeen", group.firstSeen().toString());
            g.put("lastSeen", group.lastSeen().toString());
            g.put("servers", group.servers());
            g.put("sampleTickets", group.samples().stream().map(s -> Map.of("number", s.number(), "subject",
                    s.subject(), "url", properties.publicUrl() + "/console/tickets/" + s.ticketId())).toList());
            g.put("quotes", group.quotes());
            g.put("reportedTo", group.reportedRef());
            return g;
        }).toList());
        return body;
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    private static String blankAsDash(String text) {
        return text == null || text.isEmpty() ? "-" : text;
    }

}
