package org.playerdesk.enforcement.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
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
 * The actions taken on a player's game account, their violations and the in-game notices sent to
 * them, exported and erased for their data requests. These are kept for the days the erasure
 * settings say (for legal reasons); older ones lose their free texts (reasons, notes, comments,
 * the notices' words). Their rows stay in either case, deleted or anonymised alike: approvals,
 * group sanctions and penalty ladders count them.
 */
@Component
class EnforcementPersonalData implements PersonalDataHolder {

    static final String ACTIONS = "game-actions";
    static final String VIOLATIONS = "violations";
    static final String NOTICES = "in-game-notices";
    static final String ERASED = "[erased]";
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private final JdbcClient jdbc;

    EnforcementPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(ACTIONS, jdbc.sql("select id, kind, amount, days, reason, state, requested_at, decided_at, done_at, "
                + "result_message as result from account_action where game_id = ? and account_id = ? "
                + "order by requested_at, id").params(subject.gameId(), subject.accountId()).query(ExportRows.MAPPER)
                .list());
        sink.rows(VIOLATIONS, jdbc.sql("select v.id, t.name as type, v.note, v.penalty, v.days, v.recorded_at "
                + "from violation v join violation_type t on t.id = v.violation_type_id where v.game_id = ? "
                + "and v.account_id = ? order by v.recorded_at, v.id").params(subject.gameId(), subject.accountId())
                .query(ExportRows.MAPPER).list());
        sink.rows(NOTICES, jdbc.sql("select id, cause, channel, title, body, delivered, sent_at from in_game_notice "
                + "where game_id = ? and account_id = ? order by sent_at, id").params(subject.gameId(),
                        subject.accountId()).query(ExportRows.MAPPER).list());
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put(ACTIONS, apply(policy.rule(ACTIONS), "update account_action set reason = ?, decision_comment = null, "
                + "result_message = null where game_id = ? and account_id = ? and requested_at < ? and reason <> ?",
                subject));
        counts.put(VIOLATIONS, apply(policy.rule(VIOLATIONS), "update violation set note = ? where game_id = ? "
                + "and account_id = ? and recorded_at < ? and (note is null or note <> ?)", subject));
        counts.put(NOTICES, apply(policy.rule(NOTICES), "update in_game_notice set body = ? where game_id = ? "
                + "and account_id = ? and sent_at < ? and body <> ?", subject));
        return counts;
    }

    private int apply(ErasureRule rule, String sql, DataSubject subject) {
        if (rule.treatment() == Treatment.KEEP) {
            return 0;
        }
        Instant before = rule.keepUntilBefore() == null ? FAR_FUTURE : rule.keepUntilBefore();
        return jdbc.sql(sql).params(ERASED, subject.gameId(), subject.accountId(), Timestamp.from(before), ERASED)
                .update();
    }
}
