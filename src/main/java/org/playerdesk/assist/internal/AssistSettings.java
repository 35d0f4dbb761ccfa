package org.playerdesk.assist.internal;

import java.util.UUID;

import org.playerdesk.system.validation.FieldErrors;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Each game's thresholds, or the configured defaults when the game has not set its own. */
@Service
@EnableConfigurationProperties(AssistProperties.class)
public class AssistSettings {

    private final GameSettingRepository settings;
    private final AssistProperties properties;

    AssistSettings(GameSettingRepository settings, AssistProperties properties) {
        this.settings = settings;
        this.properties = properties;
    }

    @Transactional(readOnly = true)
    public GameSetting of(UUID gameId) {
        return settings.findById(gameId)
                .orElseGet(() -> new GameSetting(gameId, properties.botThreshold(), properties.applyThreshold()));
    }

    /** Thresholds between 0 and 1; 1 turns the bot (or applying by itself) off in practice. */
    @Transactional
    public GameSetting change(UUID gameId, String botThreshold, String applyThreshold) {
        FieldErrors errors = new FieldErrors();
        double bot = share("botThreshold", botThreshold, errors);
        double apply = share("applyThreshold", applyThreshold, errors);
        errors.throwIfAny();
        GameSetting setting = settings.findById(gameId).orElseGet(() -> new GameSetting(gameId, bot, apply));
        setting.change(bot, apply);
        return settings.save(setting);
    }

    private static double share(String field, String text, FieldErrors errors) {
        try {
            double value = Double.parseDouble(text == null ? "" : text.strip());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        errors.add(field, "invalid.range", 0, 1);
        return 0;
    }
}
