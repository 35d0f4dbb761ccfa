package org.playerdesk.outreach.internal;

import java.sql.Timestamp;
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
 * The campaigns a player was sent (their rows as a recipient: the address or number used, the
 * delivery's state and times), exported and erased for their data requests. Anonymised, a row
 * keeps its state and times (the campaign's figures count it) without the account, address and
 * reason; deleted, the row goes.
 */
@Component
class RecipientPersonalData implements PersonalDataHolder {

    static final String RECIPIENTS = "campaign-recipients";
    static final String ERASED = "[erased]";
    private static final String OF_PLAYER = "player_id = :player and campaign_id in "
            + "(select id from outreach_campaign where game_id = :game)";

    private final JdbcClient jdbc;

    RecipientPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        sink.rows(RECIPIENTS, jdbc.sql("""
                select r.campaign_id, c.name as campaign, c.channel, r.account_id, r.address, r.locale, r.time_zone,
                    r.state, r.sent_at, r.delivered_at, r.replied_at, r.ticket_id, r.reason
                from outreach_recipient r join outreach_campaign c on c.id = r.campaign_id
                where r.player_id = :player and c.game_id = :game order by r.due_at, r.id""")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(RECIPIENTS);
        if (rule.treatment() == Treatment.KEEP) {
            return Map.of(RECIPIENTS, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        int done = rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete from outreach_recipient where " + OF_PLAYER + " and due_at < :before")
                        .param("player", subject.playerId()).param("game", subject.gameId()).param("before", before)
                        .update()
                : jdbc.sql("update outreach_recipient set account_id = :erased, address = null, reason = null where "
                        + OF_PLAYER + " and due_at < :before and account_id <> :erased").param("erased", ERASED)
                        .param("player", subject.playerId()).param("game", subject.gameId()).param("before", before)
                        .update();
        return Map.of(RECIPIENTS, done);
    }
}
