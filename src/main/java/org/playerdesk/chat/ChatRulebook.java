package org.playerdesk.chat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

import org.playerdesk.chat.internal.ChatSettings;
import org.playerdesk.chat.internal.ChatSettingsRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.system.validation.Texts;
import org.hibernate.validator.constraints.Range;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Each game's chat rules, set by its administrators: the secret the game signs identities with,
 * whether guests may chat, the service hours and closed days, and the longest wait in the queue.
 */
@Service
@Transactional
public class ChatRulebook {

    public static final int CLOSED_DAYS_MAX = 100;
    private static final String HOUR = "([01][0-9]|2[0-3]):[0-5][0-9]";

    private final ChatSettingsRepository settings;
    private final GameCatalog games;
    private final Clock clock;
    private final InputValidation validation;

    ChatRulebook(ChatSettingsRepository settings, GameCatalog games, Clock clock, InputValidation validation) {
        this.validation = validation;
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
        String newSecret = tidy(secret);
        String from = tidy(hoursFrom);
        String to = tidy(hoursTo);
        int wait = maxWaitSeconds == null ? ChatSettings.DEFAULT_WAIT_SECONDS : maxWaitSeconds;
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new ChatRuleChange(newSecret, from, to, wait)));
        if ((from == null) != (to == null)) {
            errors.add(new InvalidInput.FieldError("hoursTo", "invalid.serviceHours"));
        }
        String zone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new InvalidInput.FieldError("timeZone", "invalid.timeZone"));
        }
        SortedSet<LocalDate> closed = closedDays(closedDays, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        ChatSettings row = settings.findById(gameId).orElseGet(() -> new ChatSettings(gameId, clock.instant()));
        row.change(newSecret, guests, from, to, zone, wait, clock.instant());
        row.closeOn(closed);
        settings.save(row);
        return rules(gameId);
    }

    /** A game's chat rules as administrators set them: the signing secret, service hours, longest wait. */
    record ChatRuleChange(
            @Size(max = 200, message = "{invalid.tooLong}") @Size(min = 16, message = "{invalid.size.min}") @SingleLine
            String secret,
            @Size(max = 5, message = "{invalid.tooLong}") @SingleLine @Pattern(regexp = HOUR, message = "{invalid.time}")
            String hoursFrom,
            @Size(max = 5, message = "{invalid.tooLong}") @SingleLine @Pattern(regexp = HOUR, message = "{invalid.time}")
            String hoursTo,
            @Range(min = 10, max = 86400, message = "{invalid.range.between}") int maxWaitSeconds) {
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // the closed days are a list typed as text, read here
    private static SortedSet<LocalDate> closedDays(String text, List<InvalidInput.FieldError> errors) {
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
                errors.add(new InvalidInput.FieldError("closedDays", "invalid.date", Texts.abbreviate(part, 20)));
                return null;
            }
        }
        if (days.size() > CLOSED_DAYS_MAX) {
            errors.add(new InvalidInput.FieldError("closedDays", "invalid.tooMany", CLOSED_DAYS_MAX));
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
