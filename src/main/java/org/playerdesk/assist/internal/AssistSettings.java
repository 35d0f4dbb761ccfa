package org.playerdesk.assist.internal;

import java.util.UUID;

import org.hibernate.validator.constraints.Range;
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

    AssistSettings(GameSettingRepository settings, AssistProperties properties, InputValidation validation) {
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

    @Transactional(readOnly = true)
    public GameSetting of(UUID gameId) {
        return settings.findById(gameId)
                .orElseGet(() -> new GameSetting(gameId, properties.botThreshold(), properties.applyThreshold()));
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
