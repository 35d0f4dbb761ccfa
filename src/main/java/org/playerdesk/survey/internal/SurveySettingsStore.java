package org.playerdesk.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.system.entity.Coded;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each game's survey settings ({@code survey_setting}); a game without a row has the defaults. */
@Component
class SurveySettingsStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    SurveySettingsStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    SurveySettings of(UUID gameId) {
        List<SurveySettings> found = jdbc.query("select help_center, game_api, email, live_chat, delay_minutes, "
                + "valid_days, question_zh, question_en, low_score, reasons from survey_setting where game_id = ?",
                (row, n) -> {
                    Set<SurveyChannel> channels = EnumSet.noneOf(SurveyChannel.class);
                    if (row.getBoolean(1)) {
                        channels.add(SurveyChannel.HELP_CENTER);
                    }
                    if (row.getBoolean(2)) {
                        channels.add(SurveyChannel.GAME_API);
                    }
                    if (row.getBoolean(3)) {
                        channels.add(SurveyChannel.EMAIL);
                    }
                    if (row.getBoolean(4)) {
                        channels.add(SurveyChannel.LIVE_CHAT);
                    }
                    return new SurveySettings(channels, row.getInt(5), row.getInt(6), row.getString(7),
                            row.getString(8), row.getInt(9), reasons(row.getString(10)));
                }, gameId);
        return found.isEmpty() ? SurveySettings.defaults() : found.getFirst();
    }

    @Transactional
    void save(UUID gameId, SurveySettings settings) {
        Timestamp now = Timestamp.from(clock.instant());
        Object[] values = { settings.asks(SurveyChannel.HELP_CENTER), settings.asks(SurveyChannel.GAME_API),
                settings.asks(SurveyChannel.EMAIL), settings.asks(SurveyChannel.LIVE_CHAT), settings.delayMinutes(),
                settings.validDays(), settings.questionZh(), settings.questionEn(), settings.lowScore(),
                String.join(",", settings.reasons().stream().map(ReasonCode::code).toList()), now, gameId };
        if (jdbc.update("update survey_setting set help_center = ?, game_api = ?, email = ?, live_chat = ?, "
                + "delay_minutes = ?, valid_days = ?, question_zh = ?, question_en = ?, low_score = ?, reasons = ?, "
                + "updated_at = ? where game_id = ?", values) == 0) {
            jdbc.update("insert into survey_setting (help_center, game_api, email, live_chat, delay_minutes, "
                    + "valid_days, question_zh, question_en, low_score, reasons, updated_at, game_id) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values);
        }
    }

    /** The codes as stored; a code this version does not know (written by a newer node) is left out. */
    static List<ReasonCode> reasons(String codes) {
        List<ReasonCode> reasons = new ArrayList<>();
        if (codes == null || codes.isBlank()) {
            return reasons;
        }
        for (String code : Arrays.asList(codes.split(","))) {
            try {
                reasons.add(Coded.fromCode(ReasonCode.class, code.strip()));
            } catch (IllegalArgumentException unknown) {
                // left out
            }
        }
        return reasons;
    }
}
