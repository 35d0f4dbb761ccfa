package org.playerdesk.mailbox.internal;

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
 * The mail a player exchanged with their game's support, exported and erased for their data
 * requests: the mail received from them (on their email tickets, or from an address of theirs),
 * the mail sent to them and their email conversations. Anonymised, the rows stay for threading
 * (their Message-IDs) without addresses, subjects and bodies; deleted, they go.
 */
@Component
class MailPersonalData implements PersonalDataHolder {

    static final String MAIL = "mail";
    static final String ERASED = "[erased]";

    /** The player's conversations and the addresses they wrote from. */
    private static final String THREADS = "select ticket_id from mail_thread where player_id = :player and game_id = :game";
    private static final String ADDRESSES = "select player_address from mail_thread where player_id = :player "
            + "and game_id = :game";
    private static final String RECEIVED = "from mail_received where game_id = :game and (ticket_id in (" + THREADS
            + ") or sender in (" + ADDRESSES + "))";
    private static final String SENT = "from mail_sent where game_id = :game and (ticket_id in (" + THREADS
            + ") or recipient in (" + ADDRESSES + "))";

    private final JdbcClient jdbc;

    MailPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public void export(DataSubject subject, ExportSink sink) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("select 'conversation' as direction, ticket_id, player_address as address, subject, "
                + "locale, created_at as at from mail_thread where player_id = :player and game_id = :game "
                + "order by created_at").param("player", subject.playerId()).param("game", subject.gameId())
                .query(ExportRows.MAPPER).list());
        rows.addAll(jdbc.sql("select 'received' as direction, id, message_id, sender as address, subject, ticket_id, "
                + "html, folded, refused_files, received_at as at " + RECEIVED + " order by received_at, id")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
        rows.addAll(jdbc.sql("select 'sent' as direction, id, message_id, recipient as address, ticket_id, reference, "
                + "failure, sent_at as at " + SENT + " order by sent_at, id")
                .param("player", subject.playerId()).param("game", subject.gameId()).query(ExportRows.MAPPER).list());
        sink.rows(MAIL, rows);
    }

    @Override
    @Transactional
    public Map<String, Integer> erase(DataSubject subject, ErasurePolicy policy) {
        ErasureRule rule = policy.rule(MAIL);
        if (rule.treatment() == Treatment.KEEP) {
            return Map.of(MAIL, 0);
        }
        Timestamp before = Timestamp.from(rule.appliesBefore());
        // received and sent first: they are found through the conversations' addresses
        int done = rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete " + RECEIVED + " and received_at < :before").param("player", subject.playerId())
                        .param("game", subject.gameId()).param("before", before).update()
                : jdbc.sql("update mail_received set sender = null, subject = null, html = null, folded = null, "
                        + "refused_files = null where id in (select id " + RECEIVED + " and received_at < :before) "
                        + "and (sender is not null or subject is not null or html is not null or folded is not null)")
                        .param("player", subject.playerId()).param("game", subject.gameId()).param("before", before)
                        .update();
        done += rule.treatment() == Treatment.DELETE
                ? jdbc.sql("delete " + SENT + " and sent_at < :before").param("player", subject.playerId())
                        .param("game", subject.gameId()).param("before", before).update()
                : jdbc.sql("update mail_sent set recipient = :erased where id in (select id " + SENT
                        + " and sent_at < :before) and recipient <> :erased").param("erased", ERASED)
                        .param("player", subject.playerId()).param("game", subject.gameId()).param("before", before)
                        .update();
        // a conversation stays (replies find their ticket through it) without the address and subject
        done += jdbc.sql("update mail_thread set player_address = :erased, subject = :erased where player_id = :player "
                + "and game_id = :game and created_at < :before and player_address <> :erased").param("erased", ERASED)
                .param("player", subject.playerId()).param("game", subject.gameId()).param("before", before).update();
        return Map.of(MAIL, done);
    }
}
