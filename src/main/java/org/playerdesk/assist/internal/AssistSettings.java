package org.playerdesk.assist.internal;

import java.time.Duration;
import java.util.UUID;

import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.cache.ReferenceMap;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.validation.InputValidation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each game's thresholds, or the configured defaults when the game has not set its own. */
@Service
@EnableConfigurationProperties(AssistProperties.class)
public class AssistSettings {

    private final GameSettingRepository settings;
    private final AssistProperties properties;
    private final InputValidation validation;
    private final ReferenceMap<UUID, GameSetting> kept;

    AssistSettings(GameSettingRepository settings, AssistProperties properties, InputValidation validation,
            ReferenceData referenceData) {
        this.kept = referenceData.map(GameSetting.class, Duration.ofSeconds(5));
        this.settings = settings;
        this.properties = properties;
        this.validation = validation;
    }

    /** The two thresholds as shares; text that is not a number is read as NaN, which no range admits. */
    record Thresholds(
            @Range(min = 0, max = 1, message = "{invalid.range.between}") double botThreshold,
            @Range(min = 0, max = 1, message = "{invalid.range.between}") double applyThreshold) {

        static Thresholds read(String botThreshold, String applyThreshold) {
            return new Thresholds(share(botThreshold), share(applyThreshold));
        }

        private static double share(String text) {
            try {
                return Double.parseDouble(text == null ? "" : text.strip());
            } catch (NumberFormatException e) {
                return Double.NaN;
            }
        }
    }

    /**
     * The game's settings (a copy, not the stored row: every new ticket and every live chat asks,
     * so they are kept in memory, forgotten when a setting changes).
     */
    @Transactional(readOnly = true)
    public GameSetting of(UUID gameId) {
        return kept.get(gameId, game -> {
            GameSetting stored = settings.findById(game).orElse(null);
            if (stored == null) {
                return new GameSetting(game, properties.botThreshold(), properties.applyThreshold());
            }
            GameSetting copy = new GameSetting(game, stored.botThreshold(), stored.applyThreshold());
            copy.answerInChat(stored.chatBot());
            return copy;
        });
    }

    /** Thresholds between 0 and 1; 1 turns the bot (or applying by itself) off in practice. */
    @Transactional
    public GameSetting change(UUID gameId, String botThreshold, String applyThreshold) {
        return change(gameId, botThreshold, applyThreshold, null);
    }

    /** The same, and whether the bot answers in the game's live chat ({@code null} keeps what is set). */
    @Transactional
    public GameSetting change(UUID gameId, String botThreshold, String applyThreshold, Boolean chatBot) {
        Thresholds thresholds = validation.check(Thresholds.read(botThreshold, applyThreshold));
        double bot = thresholds.botThreshold();
        double apply = thresholds.applyThreshold();
        GameSetting setting = settings.findById(gameId).orElseGet(() -> new GameSetting(gameId, bot, apply));
        setting.change(bot, apply);
        if (chatBot != null) {
            setting.answerInChat(chatBot);
        }
        return settings.save(setting);
    }
}
