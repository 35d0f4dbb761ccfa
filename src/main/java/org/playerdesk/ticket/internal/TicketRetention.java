package org.playerdesk.ticket.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.privacy.RetentionTarget;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ticket module's data under each game's retention periods: closed tickets and closed
 * live-chat transcripts (anonymised, see {@link TicketPersonalData}, once closed longer ago than
 * the period) and attachments (deleted with their files once their ticket is closed and the
 * attachment older than the period). A row another node did meanwhile is not counted again.
 */
@Configuration(proxyBeanMethods = false)
class TicketRetention {

    @Bean
    RetentionTarget closedTicketsRetention(JdbcClient jdbc, TicketPersonalData tickets, Clock clock) {
        return new Anonymised("closed-tickets", "<>", jdbc, tickets, clock);
    }

    @Bean
    RetentionTarget chatTranscriptsRetention(JdbcClient jdbc, TicketPersonalData tickets, Clock clock) {
        return new Anonymised("chat-transcripts", "=", jdbc, tickets, clock);
    }

    @Bean
    RetentionTarget attachmentsRetention(JdbcClient jdbc, AttachmentStore files) {
        return new Attachments(jdbc, files);
    }

    /** Closed tickets of one channel kind ({@code = 'chat'} or {@code <> 'chat'}), anonymised. */
    static class Anonymised implements RetentionTarget {

        private final String kind;
        private final String where;
        private final JdbcClient jdbc;
        private final TicketPersonalData tickets;
        private final Clock clock;

        Anonymised(String kind, String chatOperator, JdbcClient jdbc, TicketPersonalData tickets, Clock clock) {
            this.kind = kind;
            this.where = "from ticket where game_id = ? and status = 'closed' and closed_at < ? and erased_at is null "
                    + "and channel " + chatOperator + " 'chat'";
            this.jdbc = jdbc;
            this.tickets = tickets;
            this.clock = clock;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        @Transactional(readOnly = true)
        public long due(UUID gameId, Instant before) {
            return jdbc.sql("select count(*) " + where).params(gameId, Timestamp.from(before)).query(Long.class).single();
        }

        @Override
        @Transactional
        public int purge(UUID gameId, Instant before, int limit) {
            List<UUID> ids = jdbc.sql("select id " + where + " order by closed_at, id fetch first " + limit
                    + " rows only").params(gameId, Timestamp.from(before))
                    .query((rs, n) -> UUID.fromString(rs.getString(1))).list();
            Instant now = clock.instant();
            int done = 0;
            for (UUID id : ids) {
                if (tickets.anonymise(id, now) >= 0) {
                    done++;
                }
            }
            return done;
        }
    }

    /** Attachments of closed tickets, older than the period: the row deleted, then its file. */
    static class Attachments implements RetentionTarget {

        private static final String WHERE = "from ticket_attachment a join ticket t on t.id = a.ticket_id "
                + "where t.game_id = ? and t.status = 'closed' and a.created_at < ?";

        private final JdbcClient jdbc;
        private final AttachmentStore files;

        Attachments(JdbcClient jdbc, AttachmentStore files) {
            this.jdbc = jdbc;
            this.files = files;
        }

        @Override
        public String kind() {
            return "attachments";
        }

        @Override
        @Transactional(readOnly = true)
        public long due(UUID gameId, Instant before) {
            return jdbc.sql("select count(*) " + WHERE).params(gameId, Timestamp.from(before)).query(Long.class).single();
        }

        @Override
        @Transactional
        public int purge(UUID gameId, Instant before, int limit) {
            List<String[]> found = jdbc.sql("select a.id, a.storage_key " + WHERE + " order by a.created_at, a.id "
                    + "fetch first " + limit + " rows only").params(gameId, Timestamp.from(before))
                    .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).list();
            int deleted = 0;
            for (String[] attachment : found) {
                int removed = jdbc.sql("delete from ticket_attachment where id = ?")
                        .param(UUID.fromString(attachment[0])).update();
                if (removed == 1) {
                    files.delete(attachment[1]);
                    deleted++;
                }
            }
            return deleted;
        }
    }
}
