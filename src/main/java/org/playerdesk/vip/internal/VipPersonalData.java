package org.playerdesk.vip.internal;

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
 * A VIP player's service record (level, tier, next follow-up) and the follow-ups their manager
 * wrote (outcome, satisfaction, notes), exported and erased for their data requests. Anonymised,
 * the follow-ups keep their times and satisfaction (the managers' figures count them) without the
 * outcome and notes; deleted, the record goes with its follow-ups.
 */
@Component
class VipPersonalData implements PersonalDataHolder {

    static final String VIP = "vip-records";
    static final String ERASED = "[erased]";

    private final JdbcClient jdbc;

    VipPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.sql("select 'record' as entry, vip_level, tier, "
                + "next_follow_up_at, created_at as at from vip_player where game_id = :game and account_id = :account")
                .param("game", subject.gameId()).param("account", subject.accountId()).query(ExportRows.MAPPER).list());
        rows.addAll(jdbc.sql("select 'follow-up' as entry, due_at, done_at as at, done_by, outcome, satisfaction, notes "
                + "from vip_follow_up where game_id = :game and account_id = :account order by done_at, id")
                .param("game", subject.gameId()).param("account", subject.accountId()).query(ExportRows.MAPPER).list());
        sink.rows(VIP, rows);
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(VIP);
        if (rule.treatment() == Treatment.KEEP) {
            return Map.of(VIP, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        if (rule.treatment() == Treatment.DELETE && rule.keepUntilBefore() == null) {
            int followUps = jdbc.sql("delete from vip_follow_up where game_id = :game and account_id = :account")
                    .param("game", subject.gameId()).param("account", subject.accountId()).update();
            return Map.of(VIP, followUps + jdbc.sql("delete from vip_player where game_id = :game and account_id = :account")
                    .param("game", subject.gameId()).param("account", subject.accountId()).update());
        }
        return Map.of(VIP, jdbc.sql("update vip_follow_up set outcome = :erased, notes = null where game_id = :game "
                + "and account_id = :account and done_at < :before and outcome <> :erased").param("erased", ERASED)
                .param("game", subject.gameId()).param("account", subject.accountId()).param("before", before)
                .update());
    }
}
