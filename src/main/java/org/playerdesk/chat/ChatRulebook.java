package org.playerdesk.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.chat.internal.ChatSettings;
import org.playerdesk.chat.internal.ChatSettingsRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.validation.Texts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each game's chat rules, set by its administrators: the secret the game signs identities with,
 * whether guests may chat, the service hours and closed days, and the longest wait in the queue.
 */
@Service
@Transactional
public class ChatRulebook {

    public static final int CLOSED_DAYS_MAX = 100;
    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final ChatSettingsRepository settings;
    private final GameCatalog games;
    private final Clock clock;

    ChatRulebook(ChatSettingsRepository settings, GameCatalog games, Clock clock) {
        this.settings = settings;
        this.games = games;
        this.clock = clock;
    }

    /** A game's settings without its secret: whether one is set is all anyone sees. */
    @Transactional(readOnly = true)
    public ChatRules rules(UUID gameId) {
        ChatSettings s = settingsOf(gameId);
        return new ChatRules(gameId, s.hasSecret(), s.guestsAllowed(), s.hoursFrom(), s.hoursTo(), s.timeZone(),
                s.maxWaitSeconds(), s.closedDays());
    }

    /** Changes a game's chat settings; a blank secret keeps the one stored, and so do the closed days. */
    public ChatRules configure(UUID gameId, String secret, boolean guests, String hoursFrom, String hoursTo,
            String timeZone, Integer maxWaitSeconds) {
        return configure(gameId, secret, guests, hoursFrom, hoursTo, timeZone, maxWaitSeconds, null);
    }

    /**
     * The same with the days the chat is closed all day (holidays): ISO dates (2027-02-17)
     * separated by commas, spaces or new lines, at most {@value #CLOSED_DAYS_MAX}; null keeps
     * those stored, blank clears them.
     */
    public ChatRules configure(UUID gameId, String secret, boolean guests, String hoursFrom, String hoursTo,
            String timeZone, Integer maxWaitSeconds, String closedDays) {
        games.get(gameId);
        FieldErrors errors = new FieldErrors();
        String newSecret = errors.line("secret", secret, 200, false);
        if (newSecret != null && newSecret.length() < 16) {
            errors.add("secret", "invalid.minLength", 16);
        }
        String from = errors.line("hoursFrom", hoursFrom, 5, false);
        String to = errors.line("hoursTo", hoursTo, 5, false);
        if (from != null && !HOUR.matcher(from).matches()) {
            errors.add("hoursFrom", "invalid.time");
        }
        if (to != null && !HOUR.matcher(to).matches()) {
            errors.add("hoursTo", "invalid.time");
        }
        if ((from == null) != (to == null)) {
            errors.add("hoursTo", "invalid.serviceHours");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add("timeZone", "invalid.timeZone");
        }
        int wait = maxWaitSeconds == null ? ChatSettings.DEFAULT_WAIT_SECONDS : maxWaitSeconds;
        if (wait < 10 || wait > 86400) {
            errors.add("maxWaitSeconds", "invalid.range", 10, 86400);
        }
        SortedSet<LocalDate> closed = closedDays(closedDays, errors);
        errors.throwIfAny();
        ChatSettings row = settings.findById(gameId).orElseGet(() -> new ChatSettings(gameId, clock.instant()));
        row.change(newSecret, guests, from, to, zone, wait, clock.instant());
        row.closeOn(closed);
        settings.save(row);
        return rules(gameId);
    }

    private static SortedSet<LocalDate> closedDays(String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(part));
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("closedDays", "invalid.date", Texts.abbreviate(part, 20));
                return null;
            }
        }
        if (days.size() > CLOSED_DAYS_MAX) {
            errors.add("closedDays", "invalid.tooMany", CLOSED_DAYS_MAX);
        }
        return days;
    }

    /** Signs an identity with the game's secret: for the demo page only, never for real players. */
    @Transactional(readOnly = true)
    public Optional<ChatIdentity> signForDemo(UUID gameId, ChatIdentity identity) {
        return settings.findById(gameId).filter(ChatSettings::hasSecret).map(s -> identity.signedWith(s.secret()));
    }

    ChatSettings settingsOf(UUID gameId) {
        return settings.findById(gameId).orElseGet(() -> ChatSettings.defaults(gameId));
    }
}
