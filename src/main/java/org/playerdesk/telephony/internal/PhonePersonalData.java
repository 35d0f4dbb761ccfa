package org.playerdesk.telephony.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.playerdesk.privacy.DataSubject;
import org.playerdesk.privacy.ErasurePolicy;
import org.playerdesk.privacy.ErasureRule;
import org.playerdesk.privacy.ExportRows;
import org.playerdesk.privacy.ExportSink;
import org.playerdesk.privacy.PersonalDataHolder;
import org.playerdesk.privacy.Treatment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A player's phone calls (logged by agents or reported by the telephony system) and the numbers
 * they called from, exported and erased for their data requests. Anonymised, a call keeps its
 * times and outcome (the service-level figures count it) without the numbers, notes and recording
 * link; deleted, the call goes. The remembered numbers go either way (unless kept).
 */
@Component
class PhonePersonalData implements PersonalDataHolder {

    static final String CALLS = "phone-calls";

    private final JdbcClient jdbc;

    PhonePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("""
                select id, direction, caller_number, called_number, state, started_at, answered_at, ended_at,
                    duration_seconds, talk_seconds, outcome, notes, recording_url, ticket_id
                from telephony_call where player_id = :player and game_id = :game order by started_at, id""")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
        rows.addAll(jdbc.sql("select 'known-number' as direction, phone as caller_number, linked_at as started_at "
                + "from telephony_player_phone where player_id = :player and game_id = :game order by linked_at")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
        sink.rows(CALLS, rows);
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(CALLS);
        if (rule.treatment() == Treatment.KEEP) {
            return Map.of(CALLS, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        int done = rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete from telephony_call where player_id = :player and game_id = :game "
                        + "and started_at < :before").param("player", subject.playerId())
                        .param("game", subject.gameId()).param("before", before).update()
                : jdbc.sql("update telephony_call set caller_number = null, called_number = null, notes = null, "
                        + "recording_url = null where player_id = :player and game_id = :game and started_at < :before "
                        + "and (caller_number is not null or called_number is not null or notes is not null "
                        + "or recording_url is not null)").param("player", subject.playerId())
                        .param("game", subject.gameId()).param("before", before).update();
        done += jdbc.sql("delete from telephony_player_phone where player_id = :player and game_id = :game "
                + "and linked_at < :before").param("player", subject.playerId()).param("game", subject.gameId())
                .param("before", before).update();
        return Map.of(CALLS, done);
    }
}
