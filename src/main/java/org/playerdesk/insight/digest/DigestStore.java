package org.playerdesk.insight.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.system.entity.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The digests' rows: each game's groups by fingerprint and the group each report belongs to
 * ({@code digest_group}, {@code digest_group_ticket}), and each game's settings with the state of
 * its sending ({@code digest_setting}).
 */
@Component
class DigestStore {

    /** A stored group: who it is across runs, and whether it went to the developers. */
    record StoredGroup(UUID id, UUID gameId, String fingerprint, String words, String reportedRef,
            String reportedBy, Instant reportedAt) {

        boolean reported() {
            return reportedRef != null;
        }
    }

    /** A game's settings and the state of its sending. */
    record Setting(UUID gameId, DigestSchedule schedule, List<String> recipients, String language, String webhookUrl,
            String webhookSecret, Instant nextDueAt, Instant claimedUntil, Instant mailedFor, Instant postedFor,
            Instant lastSentAt, String lastFailure, Instant lastFailureAt, int failures) {
    }

    private static final String GROUP_COLUMNS = "id, game_id, fingerprint, words, reported_ref, reported_by, reported_at";
    private static final String SETTING_COLUMNS = "game_id, schedule, recipients, language, webhook_url, webhook_secret,"
            + " next_due_at, claimed_until, mailed_for, posted_for, last_sent_at, last_failure, last_failure_at, failures";

    private final JdbcClient jdbc;
    private final Secrets secrets;

    DigestStore(JdbcClient jdbc, Secrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** The webhook secret is sealed at rest. */
    @Bean
    static SecretColumn digestWebhookSecret() {
        return new SecretColumn("digest_setting", "game_id", "webhook_secret");
    }

    Optional<StoredGroup> group(UUID groupId) {
        return jdbc.sql("select " + GROUP_COLUMNS + " from digest_group where id = ?").param(groupId)
                .query(DigestStore::group).optional();
    }

    Optional<StoredGroup> byFingerprint(UUID gameId, String fingerprint) {
        return jdbc.sql("select " + GROUP_COLUMNS + " from digest_group where game_id = ? and fingerprint = ?")
                .param(gameId).param(fingerprint).query(DigestStore::group).optional();
    }

    /** How many of these tickets each stored group holds now. */
    Map<UUID, Integer> holding(Collection<UUID> ticketIds) {
        Map<UUID, Integer> held = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return held;
        }
        jdbc.sql("select group_id, count(*) from digest_group_ticket where ticket_id in (:tickets) group by group_id")
                .param("tickets", ticketIds)
                .query((rs, n) -> held.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return held;
    }

    StoredGroup create(UUID gameId, String fingerprint, DigestGrouping.Group group, Instant now) {
        UUID id = Ids.next();
        jdbc.sql("""
                insert into digest_group (id, game_id, fingerprint, ticket_type, area, client_version, device, words,
                    created_at)
                values (:id, :game, :fingerprint, :type, :area, :version, :device, :words, :at)""")
                .param("id", id).param("game", gameId).param("fingerprint", fingerprint)
                .param("type", group.type().code()).param("area", group.area().code())
                .param("version", cut(group.clientVersion(), 80)).param("device", cut(group.deviceFamily(), 80))
                .param("words", cut(String.join(" ", group.words()), 400)).param("at", at(now)).update();
        return new StoredGroup(id, gameId, fingerprint, String.join(" ", group.words()), null, null, null);
    }

    /** The group's words as this run named them. */
    void rename(UUID groupId, List<String> words) {
        jdbc.sql("update digest_group set words = ? where id = ?").param(cut(String.join(" ", words), 400))
                .param(groupId).update();
    }

    /** These tickets now belong to the group (and to no other). */
    void link(UUID groupId, Collection<UUID> ticketIds, Instant now) {
        if (ticketIds.isEmpty()) {
            return;
        }
        jdbc.sql("delete from digest_group_ticket where ticket_id in (:tickets) and group_id <> :group")
                .param("tickets", ticketIds).param("group", groupId).update();
        for (UUID ticketId : ticketIds) {
            jdbc.sql("""
                    insert into digest_group_ticket (ticket_id, group_id, linked_at)
                    select :ticket, :group, :at
                    where not exists (select 1 from digest_group_ticket where ticket_id = :ticket)""")
                    .param("ticket", ticketId).param("group", groupId).param("at", at(now)).update();
        }
    }

    void markReported(UUID groupId, String reference, String by, Instant at) {
        jdbc.sql("update digest_group set reported_ref = ?, reported_by = ?, reported_at = ? where id = ?")
                .param(reference).param(cut(by, 200)).param(at(at)).param(groupId).update();
    }

    /** The group a ticket belongs to, if any. */
    Optional<StoredGroup> groupOf(UUID ticketId) {
        return jdbc.sql("select g.id, g.game_id, g.fingerprint, g.words, g.reported_ref, g.reported_by, g.reported_at"
                + " from digest_group g join digest_group_ticket t on t.group_id = g.id where t.ticket_id = ?")
                .param(ticketId).query(DigestStore::group).optional();
    }

    Optional<Setting> setting(UUID gameId) {
        return jdbc.sql("select " + SETTING_COLUMNS + " from digest_setting where game_id = ?").param(gameId)
                .query(this::settingRow).optional();
    }

    /**
     * Stores what a lead set: a changed schedule starts again from {@code nextDueAt}; a null
     * secret keeps the stored one.
     */
    void save(UUID gameId, DigestSchedule schedule, List<String> recipients, String language, String webhookUrl,
            String webhookSecret, Instant nextDueAt, Instant now) {
        jdbc.sql("""
                insert into digest_setting (game_id, schedule, recipients, language, failures, updated_at)
                select :game, 'off', '', null, 0, :at
                where not exists (select 1 from digest_setting where game_id = :game)""")
                .param("game", gameId).param("at", at(now)).update();
        jdbc.sql("""
                update digest_setting set schedule = :schedule, recipients = :recipients, language = :language,
                    webhook_url = :url, next_due_at = :due, claimed_until = null, updated_at = :at
                where game_id = :game""")
                .param("schedule", schedule.code()).param("recipients", String.join(",", recipients))
                .param("language", language).param("url", webhookUrl)
                .param("due", at(nextDueAt)).param("at", at(now)).param("game", gameId).update();
        if (webhookSecret != null) {
            jdbc.sql("update digest_setting set webhook_secret = ? where game_id = ?").param(secrets.seal(webhookSecret))
                    .param(gameId).update();
        }
    }

    /** The games whose digest is due at {@code now} and that no node holds. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                select game_id from digest_setting
                where next_due_at <= :now and schedule <> 'off' and (claimed_until is null or claimed_until <= :now)
                order by next_due_at""")
                .param("now", at(now)).query(UUID.class).list().stream().limit(limit).toList();
    }

    /**
     * Takes the game's due digest for this node until {@code until}: a conditional update that the
     * database serialises, so of several nodes only one finds its row changed.
     */
    boolean claim(UUID gameId, Instant due, Instant now, Instant until) {
        return jdbc.sql("""
                update digest_setting set claimed_until = :until
                where game_id = :game and next_due_at = :due and (claimed_until is null or claimed_until <= :now)""")
                .param("until", at(until)).param("game", gameId).param("due", at(due)).param("now", at(now))
                .update() == 1;
    }

    void mailed(UUID gameId, Instant due) {
        jdbc.sql("update digest_setting set mailed_for = ? where game_id = ? and next_due_at = ?").param(at(due))
                .param(gameId).param(at(due)).update();
    }

    void posted(UUID gameId, Instant due) {
        jdbc.sql("update digest_setting set posted_for = ? where game_id = ? and next_due_at = ?").param(at(due))
                .param(gameId).param(at(due)).update();
    }

    /** The digest due went everywhere: the next one is due at {@code next}. */
    void sent(UUID gameId, Instant due, Instant next, Instant now) {
        jdbc.sql("""
                update digest_setting set next_due_at = :next, claimed_until = null, last_sent_at = :now,
                    last_failure = null, last_failure_at = null, failures = 0
                where game_id = :game and next_due_at = :due""")
                .param("next", at(next)).param("now", at(now)).param("game", gameId).param("due", at(due)).update();
    }

    /** The digest due could not be sent: it stays due, and is tried again from {@code retryAt}. */
    void failed(UUID gameId, Instant due, String failure, Instant now, Instant retryAt) {
        jdbc.sql("""
                update digest_setting set claimed_until = :retry, last_failure = :failure, last_failure_at = :now,
                    failures = failures + 1
                where game_id = :game and next_due_at = :due""")
                .param("retry", at(retryAt)).param("failure", cut(failure, 1000)).param("now", at(now))
                .param("game", gameId).param("due", at(due)).update();
    }

    private static StoredGroup group(ResultSet rs, int n) throws SQLException {
        return new StoredGroup(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), instant(rs, 7));
    }

    private Setting settingRow(ResultSet rs, int n) throws SQLException {
        String recipients = rs.getString(3);
        return new Setting(rs.getObject(1, UUID.class), DigestSchedule.of(rs.getString(2)),
                recipients == null || recipients.isEmpty() ? List.of() : List.of(recipients.split(",")),
                rs.getString(4), rs.getString(5), secrets.open(rs.getString(6)), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                instant(rs, 10), instant(rs, 11), rs.getString(12), instant(rs, 13), rs.getInt(14));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }
}
