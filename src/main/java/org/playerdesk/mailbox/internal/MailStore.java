package org.playerdesk.mailbox.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.system.cache.ReferenceCache;
import org.playerdesk.system.entity.Ids;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/** The module's rows: mailboxes and their leases, mail received and sent, conversations, templates. */
@Component
class MailStore {

    /** A message received, as its ticket's email card shows it. */
    record Received(UUID id, String kind, String sender, String subject, UUID ticketId, String html, String folded,
            String refusedFiles, Instant receivedAt) {
    }

    /** A message sent: the ticket or reference it belongs to, and whether it failed. */
    record Sent(UUID id, UUID gameId, String messageId, String recipient, UUID ticketId, String reference,
            Instant sentAt, String failure) {
    }

    /** An email ticket's conversation: where replies go and how the token names it. */
    record Thread(UUID ticketId, UUID gameId, UUID mailboxId, UUID playerId, String playerAddress, String token,
            String subject, String locale, String lastMessageId) {
    }

    /** The words around an agent's reply in one language. */
    record Template(String greeting, String signature, String footer) {
    }

    private final JdbcTemplate jdbc;
    private final Secrets secrets;
    /**
     * Every mailbox's address, asked of each mail received (a mail from one of them is a loop);
     * forgotten when a mailbox is added or removed here, another node's within five seconds.
     */
    private final ReferenceCache<Set<String>> addresses = new ReferenceCache<>(Duration.ofSeconds(5));

    MailStore(JdbcTemplate jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** The IMAP password and the inbound webhook's secret are sealed at rest. */
    @Bean
    static SecretColumn mailboxImapPassword() {
        return new SecretColumn("mailbox", "id", "imap_password");
    }

    @Bean
    static SecretColumn mailboxWebhookSecret() {
        return new SecretColumn("mailbox", "id", "webhook_secret");
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    // mailboxes

    private Mailbox mailboxRow(ResultSet rs, int row) throws SQLException {
        int port = rs.getInt("imap_port");
        return new Mailbox(uuid(rs, "id"), uuid(rs, "game_id"), rs.getString("address"), rs.getString("display_name"),
                Mailbox.Kind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)), rs.getString("imap_host"),
                rs.wasNull() ? null : port, rs.getBoolean("imap_ssl"), rs.getString("imap_username"),
                secrets.open(rs.getString("imap_password")), rs.getString("imap_folder"),
                secrets.open(rs.getString("webhook_secret")),
                rs.getBoolean("enabled"));
    }

    UUID addMailbox(Mailbox box, Instant now) {
        UUID id = box.id() == null ? Ids.next() : box.id();
        jdbc.update("""
                insert into mailbox (id, game_id, address, display_name, kind, imap_host, imap_port, imap_ssl,
                    imap_username, imap_password, imap_folder, webhook_secret, enabled, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", id, box.gameId(),
                box.address().toLowerCase(Locale.ROOT), box.displayName(), box.kind().code(), box.imapHost(),
                box.imapPort(), box.imapSsl(), box.imapUsername(), secrets.seal(box.imapPassword()), box.imapFolder(),
                secrets.seal(box.webhookSecret()), box.enabled(), at(now));
        addresses.changed();
        return id;
    }

    void enable(UUID id, boolean enabled) {
        jdbc.update("update mailbox set enabled = ? where id = ?", enabled, id);
    }

    void removeMailbox(UUID id) {
        jdbc.update("delete from mailbox where id = ?", id);
        addresses.changed();
    }

    Optional<Mailbox> mailbox(UUID id) {
        return jdbc.query("select * from mailbox where id = ?", this::mailboxRow, id).stream().findFirst();
    }

    List<Mailbox> mailboxes(UUID gameId) {
        return jdbc.query("select * from mailbox where game_id = ? order by created_at, address", this::mailboxRow,
                gameId);
    }

    List<Mailbox> enabledImap() {
        return jdbc.query("select * from mailbox where kind = 'imap' and enabled = true", this::mailboxRow);
    }

    boolean isSupportAddress(String address) {
        return address != null && addresses.get(() -> Set.copyOf(jdbc.queryForList("select address from mailbox",
                String.class))).contains(address.toLowerCase(Locale.ROOT));
    }

    // leases: one reader per mailbox at a time

    /** Takes or renews the mailbox's lease until {@code until}: true when this holder has it now. */
    boolean lease(UUID mailboxId, String holder, Instant now, Instant until) {
        int renewed = jdbc.update("""
                update mailbox_lease set holder = ?, held_until = ?
                where mailbox_id = ? and (holder = ? or held_until < ?)""", holder, at(until), mailboxId, holder, at(now));
        if (renewed == 1) {
            return true;
        }
        try {
            return jdbc.update("""
                    insert into mailbox_lease (mailbox_id, holder, held_until)
                    select ?, ?, ? where not exists (select 1 from mailbox_lease where mailbox_id = ?)""",
                    mailboxId, holder, at(until), mailboxId) == 1;
        } catch (DuplicateKeyException otherNodeFirst) {
            return false;
        }
    }

    void release(UUID mailboxId, String holder) {
        jdbc.update("delete from mailbox_lease where mailbox_id = ? and holder = ?", mailboxId, holder);
    }

    // received

    boolean seen(UUID mailboxId, String messageId) {
        return jdbc.queryForObject("select count(*) from mail_received where mailbox_id = ? and message_id = ?",
                Long.class, mailboxId, messageId) > 0;
    }

    long receivedFrom(UUID mailboxId, String sender, Instant since) {
        return jdbc.queryForObject("""
                select count(*) from mail_received where mailbox_id = ? and sender = ? and received_at >= ?""",
                Long.class, mailboxId, sender, at(since));
    }

    void received(UUID mailboxId, UUID gameId, InboundMessage mail, String kind, UUID ticketId, UUID ticketMessageId,
            Instant now) {
        String refused = mail.refused().isEmpty() ? null : String.join(", ", mail.refused());
        jdbc.update("""
                insert into mail_received (id, mailbox_id, game_id, message_id, kind, sender, subject, ticket_id,
                    ticket_message_id, html, folded, refused_files, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Ids.next(), mailboxId, gameId, mail.messageId(), kind,
                cut(mail.sender(), 254), cut(mail.subject(), 500), ticketId, ticketMessageId, mail.html(),
                mail.folded() == null || mail.folded().isEmpty() ? null : mail.folded(), cut(refused, 2000), at(now));
    }

    Optional<UUID> ticketOfReceived(UUID gameId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        String marks = String.join(",", messageIds.stream().map(id -> "?").toList());
        Object[] args = new Object[messageIds.size() + 1];
        args[0] = gameId;
        int i = 1;
        for (String id : messageIds) {
            args[i++] = id;
        }
        return jdbc.queryForList("select ticket_id from mail_received where game_id = ? and ticket_id is not null "
                + "and message_id in (" + marks + ")", UUID.class, args).stream().findFirst();
    }

    List<Received> receivedOn(UUID ticketId) {
        return jdbc.query("select * from mail_received where ticket_id = ? order by received_at, id",
                (rs, row) -> new Received(uuid(rs, "id"), rs.getString("kind"), rs.getString("sender"),
                        rs.getString("subject"), uuid(rs, "ticket_id"), rs.getString("html"), rs.getString("folded"),
                        rs.getString("refused_files"), instant(rs, "received_at")), ticketId);
    }

    // sent

    private static Sent sent(ResultSet rs, int row) throws SQLException {
        return new Sent(uuid(rs, "id"), uuid(rs, "game_id"), rs.getString("message_id"), rs.getString("recipient"),
                uuid(rs, "ticket_id"), rs.getString("reference"), instant(rs, "sent_at"), rs.getString("failure"));
    }

    void sent(UUID gameId, String messageId, String recipient, UUID ticketId, UUID ticketMessageId, String reference,
            Instant now, String failure) {
        jdbc.update("""
                insert into mail_sent (id, game_id, message_id, recipient, ticket_id, ticket_message_id, reference,
                    sent_at, failure, failed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", Ids.next(), gameId, messageId, cut(recipient, 254), ticketId,
                ticketMessageId, cut(reference, 200), at(now), cut(failure, 1000), failure == null ? null : at(now));
    }

    boolean sentFor(UUID ticketMessageId) {
        return jdbc.queryForObject("select count(*) from mail_sent where ticket_message_id = ?", Long.class,
                ticketMessageId) > 0;
    }

    Optional<Sent> sentAs(Collection<String> messageIds) {
        for (String id : messageIds) {
            Optional<Sent> found = jdbc.query("select * from mail_sent where message_id = ?", MailStore::sent, id)
                    .stream().findFirst();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    void failed(UUID sentId, String failure, Instant now) {
        jdbc.update("update mail_sent set failure = ?, failed_at = ? where id = ?", cut(failure, 1000), at(now), sentId);
    }

    List<Sent> sentOn(UUID ticketId) {
        return jdbc.query("select * from mail_sent where ticket_id = ? order by sent_at, id", MailStore::sent, ticketId);
    }

    // conversations

    private static Thread thread(ResultSet rs, int row) throws SQLException {
        return new Thread(uuid(rs, "ticket_id"), uuid(rs, "game_id"), uuid(rs, "mailbox_id"), uuid(rs, "player_id"),
                rs.getString("player_address"), rs.getString("token"), rs.getString("subject"), rs.getString("locale"),
                rs.getString("last_message_id"));
    }

    void startThread(Thread thread, Instant now) {
        jdbc.update("""
                insert into mail_thread (ticket_id, game_id, mailbox_id, player_id, player_address, token, subject,
                    locale, last_message_id, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", thread.ticketId(), thread.gameId(), thread.mailboxId(),
                thread.playerId(), thread.playerAddress(), thread.token(), cut(thread.subject(), 500), thread.locale(),
                cut(thread.lastMessageId(), 500), at(now));
    }

    void lastMessage(UUID ticketId, String messageId) {
        jdbc.update("update mail_thread set last_message_id = ? where ticket_id = ?", cut(messageId, 500), ticketId);
    }

    Optional<Thread> thread(UUID ticketId) {
        return jdbc.query("select * from mail_thread where ticket_id = ?", MailStore::thread, ticketId).stream()
                .findFirst();
    }

    Optional<Thread> threadByToken(UUID gameId, String token) {
        return jdbc.query("select * from mail_thread where token = ? and game_id = ?", MailStore::thread, token, gameId)
                .stream().findFirst();
    }

    Optional<UUID> playerByAddress(UUID gameId, String address) {
        return jdbc.queryForList("""
                select player_id from mail_thread where game_id = ? and player_address = ?
                order by created_at desc""", UUID.class, gameId, address).stream().findFirst();
    }

    // templates

    Optional<Template> template(UUID gameId, String locale) {
        return jdbc.query("select greeting, signature, footer from mail_template where game_id = ? and locale = ?",
                (rs, row) -> new Template(rs.getString(1), rs.getString(2), rs.getString(3)), gameId, locale).stream()
                .findFirst();
    }

    void saveTemplate(UUID gameId, String locale, Template template, Instant now) {
        int changed = jdbc.update("""
                update mail_template set greeting = ?, signature = ?, footer = ?, updated_at = ?
                where game_id = ? and locale = ?""", template.greeting(), template.signature(), template.footer(),
                at(now), gameId, locale);
        if (changed == 0) {
            jdbc.update("""
                    insert into mail_template (game_id, locale, greeting, signature, footer, updated_at)
                    values (?, ?, ?, ?, ?, ?)""", gameId, locale, template.greeting(), template.signature(),
                    template.footer(), at(now));
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
