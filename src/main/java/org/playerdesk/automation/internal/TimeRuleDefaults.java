package org.playerdesk.automation.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.automation.TimeRuleKind;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.locale.Locales;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Gives a game its time rules the first time they are needed: both switched on, closing after
 * 72 hours and reminding after 24, the reminder written in the game's language. Safe when two
 * nodes do it at once (one row per game and kind).
 */
@Component
public class TimeRuleDefaults {

    private final JdbcTemplate jdbc;
    private final GameCatalog games;
    private final MessageSource messages;
    private final Clock clock;

    TimeRuleDefaults(JdbcTemplate jdbc, GameCatalog games, MessageSource messages, Clock clock) {
        this.jdbc = jdbc;
        this.games = games;
        this.messages = messages;
        this.clock = clock;
    }

    public void give(UUID gameId) {
        Integer present = jdbc.queryForObject("select count(*) from automation_time_rule where game_id = ?",
                Integer.class, gameId);
        if (present != null && present >= TimeRuleKind.values().length) {
            return;
        }
        Locale locale = Locales.supported(games.get(gameId).defaultLocale());
        for (TimeRuleKind kind : TimeRuleKind.values()) {
            String message = kind == TimeRuleKind.REMIND_PENDING
                    ? messages.getMessage("automation.reminder.default", null, locale)
                    : null;
            jdbc.update("insert into automation_time_rule (id, game_id, kind, hours, enabled, message, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", Ids.next(), gameId, kind.code(),
                    kind.defaultHours(), true, message, Executions.time(clock.instant()));
        }
    }
}
