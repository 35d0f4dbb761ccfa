package org.playerdesk.outreach.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.outreach.CampaignState;
import org.playerdesk.outreach.OutreachChannel;
import org.playerdesk.outreach.RecipientState;
import org.playerdesk.outreach.RecipientView;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.secrets.SecretColumn;
import org.playerdesk.system.secrets.Secrets;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The campaigns and their recipients (tables {@code outreach_campaign}, {@code outreach_recipient}). */
@Component
class CampaignStore {

    /** A campaign's row; {@code segment} as JSON. */
    record CampaignRow(UUID id, UUID gameId, String name, OutreachChannel channel, CampaignState state, String segment,
            String subjectZh, String textZh, String subjectEn, String textEn, String secret, int recipients,
            String createdBy, Instant createdAt, Instant startedAt, Instant endedAt) {
    }

    /** A recipient as a worker sends to them. */
    record Claimed(UUID id, UUID playerId, String accountId, String address, String locale, String timeZone) {
    }

    /** A recipient about to be written when a campaign starts. */
    record NewRecipient(UUID id, UUID playerId, String accountId, String address, String locale, String timeZone,
            RecipientState state, String reason) {
    }

    /** What a worker learnt of one claimed recipient. */
    record Outcome(UUID id, RecipientState state, Instant at, String reference, String reason) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Secrets secrets;

    CampaignStore(JdbcClient jdbc, JdbcTemplate template, Secrets secrets) {
        this.jdbc = jdbc;
        this.template = template;
        this.secrets = secrets;
    }

    /** The key each campaign's unsubscribe links are signed with is sealed at rest. */
    @Bean
    static SecretColumn outreachCampaignSecret() {
        return new SecretColumn("outreach_campaign", "id", "secret");
    }

    void insert(CampaignRow c) {
        jdbc.sql("insert into outreach_campaign (id, game_id, name, channel, state, segment, subject_zh, text_zh, "
                + "subject_en, text_en, secret, recipients, created_by, created_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.gameId(), c.name(), c.channel().code(), c.state().code(), c.segment(), c.subjectZh(),
                        c.textZh(), c.subjectEn(), c.textEn(), secrets.seal(c.secret()), c.recipients(), c.createdBy(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    private static final String CAMPAIGN = "select id, game_id, name, channel, state, segment, subject_zh, text_zh, "
            + "subject_en, text_en, secret, recipients, created_by, created_at, started_at, ended_at from outreach_campaign ";

    Optional<CampaignRow> campaign(UUID id) {
        return jdbc.sql(CAMPAIGN + "where id = ?").param(id).query(this::campaignRow).optional();
    }

    List<CampaignRow> ofGames(Collection<UUID> gameIds, int limit) {
        if (gameIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(CAMPAIGN + "where game_id in (" + marks(gameIds.size()) + ") order by created_at desc limit "
                + limit).params(List.copyOf(gameIds)).query(this::campaignRow).list();
    }

    List<UUID> running() {
        return jdbc.sql("select id from outreach_campaign where state = ? order by started_at")
                .param(CampaignState.RUNNING.code()).query(UUID.class).list();
    }

    CampaignState state(UUID id) {
        return Coded.fromCode(CampaignState.class, jdbc.sql("select state from outreach_campaign where id = ?")
                .param(id).query(String.class).single());
    }

    /** Moves the campaign from one state to the next; false when another moved it first. */
    boolean move(UUID id, CampaignState from, CampaignState to, Instant at) {
        String stamp = to == CampaignState.RUNNING && from == CampaignState.DRAFT ? ", started_at = ?"
                : to.ended() ? ", ended_at = ?" : "";
        List<Object> params = new ArrayList<>();
        params.add(to.code());
        if (!stamp.isEmpty()) {
            params.add(Timestamp.from(at));
        }
        params.add(id);
        params.add(from.code());
        return jdbc.sql("update outreach_campaign set state = ?" + stamp + " where id = ? and state = ?").params(params)
                .update() == 1;
    }

    /** A finished campaign runs again (its interrupted recipients were queued again): no end yet. */
    boolean reopen(UUID id) {
        return jdbc.sql("update outreach_campaign set state = ?, ended_at = null where id = ? and state = ?")
                .params(CampaignState.RUNNING.code(), id, CampaignState.FINISHED.code()).update() == 1;
    }

    void recipientsCounted(UUID id, int count) {
        jdbc.sql("update outreach_campaign set recipients = ? where id = ?").params(count, id).update();
    }

    void insertRecipients(UUID campaignId, List<NewRecipient> batch, Instant dueAt) {
        Timestamp due = Timestamp.from(dueAt);
        template.batchUpdate("insert into outreach_recipient (id, campaign_id, player_id, account_id, address, locale, "
                + "time_zone, state, due_at, reason) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", batch, batch.size(),
                (ps, r) -> {
                    ps.setObject(1, r.id());
                    ps.setObject(2, campaignId);
                    ps.setObject(3, r.playerId());
                    ps.setString(4, r.accountId());
                    ps.setString(5, r.address());
                    ps.setString(6, r.locale());
                    ps.setString(7, r.timeZone());
                    ps.setString(8, r.state().code());
                    ps.setTimestamp(9, due);
                    ps.setString(10, r.reason());
                });
    }

    Map<RecipientState, Integer> progress(UUID campaignId) {
        Map<RecipientState, Integer> counts = new EnumMap<>(RecipientState.class);
        jdbc.sql("select state, count(*) as n from outreach_recipient where campaign_id = ? group by state")
                .param(campaignId).query(rs -> {
                    counts.put(Coded.fromCode(RecipientState.class, rs.getString("state")), rs.getInt("n"));
                });
        return counts;
    }

    /**
     * Claims up to {@code limit} queued recipients due by {@code now} under one claim token, in the
     * caller's (committed) transaction: the due ids are read, then updated only where still queued;
     * the condition is checked again on each row as it is updated (after any other node's update of
     * it commits), so of two nodes claiming the same row only one gets it.
     */
    List<Claimed> claim(UUID campaignId, Instant now, int limit, UUID claim) {
        List<UUID> due = jdbc.sql("select id from outreach_recipient where campaign_id = ? and state = 'queued' "
                + "and due_at <= ? order by due_at, id limit ?").params(campaignId, Timestamp.from(now), limit)
                .query(UUID.class).list();
        if (due.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>(List.of(claim, Timestamp.from(now)));
        params.addAll(due);
        jdbc.sql("update outreach_recipient set state = 'sending', claim = ?, claimed_at = ? where state = 'queued' "
                + "and id in (" + marks(due.size()) + ")").params(params).update();
        return jdbc.sql("select id, player_id, account_id, address, locale, time_zone from outreach_recipient "
                + "where claim = ? and state = 'sending' order by id").param(claim)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
                        rs.getString("account_id"), rs.getString("address"), rs.getString("locale"),
                        rs.getString("time_zone")))
                .list();
    }

    /** Writes what became of claimed recipients (only while they are still this claim's). */
    void settle(UUID claim, List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        template.batchUpdate("update outreach_recipient set state = ?, sent_at = ?, reference = ?, reason = ? "
                + "where id = ? and claim = ? and state = 'sending'", outcomes, outcomes.size(), (ps, o) -> {
                    ps.setString(1, o.state().code());
                    ps.setTimestamp(2, o.state() == RecipientState.SENT ? Timestamp.from(o.at()) : null);
                    ps.setString(3, o.reference());
                    ps.setString(4, o.reason());
                    ps.setObject(5, o.id());
                    ps.setObject(6, claim);
                });
    }

    /**
     * Marks claimed recipients as being sent now, committed before their messages go out; returns
     * those still this claim's (a row another node took over after this claim's lease is not, and
     * is not sent).
     */
    Set<UUID> attempt(UUID claim, List<UUID> ids, Instant at) {
        int[][] counts = template.batchUpdate("update outreach_recipient set attempted_at = ? where id = ? and claim = ? "
                + "and state = 'sending'", ids, ids.size(), (ps, id) -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setObject(2, id);
                    ps.setObject(3, claim);
                });
        Set<UUID> mine = new HashSet<>();
        int i = 0;
        for (int[] round : counts) {
            for (int count : round) {
                if (count != 0) {
                    mine.add(ids.get(i));
                }
                i++;
            }
        }
        return mine;
    }

    /** Gives claimed recipients back to the queue, due again at {@code dueAt}. */
    void release(UUID claim, Collection<UUID> ids, Instant dueAt) {
        if (ids.isEmpty()) {
            return;
        }
        List<UUID> list = List.copyOf(ids);
        template.batchUpdate("update outreach_recipient set state = 'queued', claim = null, claimed_at = null, "
                + "attempted_at = null, due_at = ? where id = ? and claim = ? and state = 'sending'", list, list.size(),
                (ps, id) -> {
                    ps.setTimestamp(1, Timestamp.from(dueAt));
                    ps.setObject(2, id);
                    ps.setObject(3, claim);
                });
    }

    /**
     * Claims a node died holding (claimed before {@code before}). The recipients the node had not
     * begun sending to go back to the queue, due now. The one it was sending to when it died (an
     * attempt without an outcome) goes back to the queue too on a channel whose receiver
     * recognises a repeated idempotency key; otherwise it may or may not have gone out and becomes
     * interrupted, for a lead to resend ({@link #resendInterrupted}). The number of rows recovered.
     */
    int recover(UUID campaignId, Instant before, boolean resendable, Instant now) {
        int interrupted = resendable ? 0
                : jdbc.sql("update outreach_recipient set state = 'interrupted', reason = 'interrupted' "
                        + "where campaign_id = ? and state = 'sending' and claimed_at < ? and attempted_at is not null")
                        .params(campaignId, Timestamp.from(before)).update();
        return interrupted + jdbc.sql("update outreach_recipient set state = 'queued', claim = null, claimed_at = null, "
                + "attempted_at = null, due_at = ? where campaign_id = ? and state = 'sending' and claimed_at < ?")
                .params(Timestamp.from(now), campaignId, Timestamp.from(before)).update();
    }

    /** The campaign's interrupted recipients back to the queue, due at {@code now}; how many. */
    int resendInterrupted(UUID campaignId, Instant now) {
        return jdbc.sql("update outreach_recipient set state = 'queued', claim = null, claimed_at = null, "
                + "attempted_at = null, reason = null, due_at = ? where campaign_id = ? and state = 'interrupted'")
                .params(Timestamp.from(now), campaignId).update();
    }

    int skipQueued(UUID campaignId, String reason) {
        return jdbc.sql("update outreach_recipient set state = 'skipped', reason = ? where campaign_id = ? "
                + "and state = 'queued'").params(reason, campaignId).update();
    }

    int open(UUID campaignId) {
        return jdbc.sql("select count(*) from outreach_recipient where campaign_id = ? and state in ('queued', 'sending')")
                .param(campaignId).query(Integer.class).single();
    }

    Optional<RecipientView> recipient(UUID id) {
        return jdbc.sql(RECIPIENT + "where id = ?").param(id).query(CampaignStore::recipientRow).optional();
    }

    List<RecipientView> recipients(UUID campaignId, RecipientState state, int offset, int limit) {
        return state == null
                ? jdbc.sql(RECIPIENT + "where campaign_id = ? order by id limit ? offset ?")
                        .params(campaignId, limit, offset).query(CampaignStore::recipientRow).list()
                : jdbc.sql(RECIPIENT + "where campaign_id = ? and state = ? order by id limit ? offset ?")
                        .params(campaignId, state.code(), limit, offset).query(CampaignStore::recipientRow).list();
    }

    /** The player answered: replied, with the ticket the answer opened or continued. */
    boolean replied(UUID recipientId, UUID ticketId, Instant at) {
        return jdbc.sql("update outreach_recipient set state = 'replied', replied_at = ?, ticket_id = ? where id = ? "
                + "and state in ('sent', 'delivered', 'replied', 'interrupted')")
                .params(Timestamp.from(at), ticketId, recipientId).update() == 1;
    }

    /**
     * The player answered an in-game message in the game: it reached them, even while a node that
     * died sending it still holds the claim (the resend is a repeat the game ignores).
     */
    boolean repliedInGame(UUID recipientId, UUID ticketId, Instant at) {
        return jdbc.sql("update outreach_recipient set state = 'replied', replied_at = ?, ticket_id = ?, "
                + "sent_at = coalesce(sent_at, ?), claim = null where id = ? "
                + "and state in ('sending', 'sent', 'delivered', 'replied', 'interrupted')")
                .params(Timestamp.from(at), ticketId, Timestamp.from(at), recipientId).update() == 1;
    }

    /** The message did not arrive after all (a bounce, a failed delivery receipt). */
    boolean undelivered(UUID recipientId, String reason) {
        return jdbc.sql("update outreach_recipient set state = 'failed', reason = ? where id = ? "
                + "and state in ('sent', 'delivered', 'interrupted')").params(clip(reason, 500), recipientId).update() == 1;
    }

    boolean delivered(UUID recipientId, Instant at) {
        return jdbc.sql("update outreach_recipient set state = 'delivered', delivered_at = ? where id = ? "
                + "and state in ('sent', 'interrupted')").params(Timestamp.from(at), recipientId).update() == 1;
    }

    /** Where a campaign's messages stand beyond their state: how many went out, arrived (as far as the channel reports), were answered. */
    org.playerdesk.outreach.CampaignView.Tracking tracking(UUID campaignId) {
        return jdbc.sql("select count(sent_at) as sent, count(delivered_at) as delivered, count(replied_at) as replied "
                + "from outreach_recipient where campaign_id = ?").param(campaignId)
                .query((rs, n) -> new org.playerdesk.outreach.CampaignView.Tracking(rs.getInt("sent"),
                        rs.getInt("delivered"), rs.getInt("replied")))
                .single();
    }

    /** A campaign message a player may answer: the recipient, the campaign (its game and name) and the ticket of an earlier answer. */
    record Answerable(UUID recipientId, UUID campaignId, UUID gameId, String campaign, UUID playerId, String accountId,
            String locale, UUID ticketId) {
    }

    private static final String ANSWERABLE = "select r.id, r.campaign_id, c.game_id, c.name, r.player_id, r.account_id, "
            + "r.locale, r.ticket_id from outreach_recipient r join outreach_campaign c on c.id = r.campaign_id ";

    /**
     * The newest SMS of a campaign sent to this number since {@code since} (a message whose node
     * died while sending counts: the answer shows it went out).
     */
    Optional<Answerable> latestSmsTo(String phone, Instant since) {
        return jdbc.sql(ANSWERABLE + "where r.address = ? and c.channel = 'sms' "
                + "and r.state in ('sent', 'delivered', 'replied', 'interrupted') "
                + "and coalesce(r.sent_at, r.claimed_at) >= ? order by coalesce(r.sent_at, r.claimed_at) desc, r.id limit 1")
                .params(phone, Timestamp.from(since)).query(CampaignStore::answerable).optional();
    }

    /** An in-game campaign message of this game to this account, by the recipient. */
    Optional<Answerable> inGameMessage(UUID gameId, String accountId, UUID recipientId) {
        return jdbc.sql(ANSWERABLE + "where r.id = ? and c.game_id = ? and r.account_id = ? and c.channel = 'in_game' "
                + "and r.state in ('sending', 'sent', 'delivered', 'replied', 'interrupted')")
                .params(recipientId, gameId, accountId).query(CampaignStore::answerable).optional();
    }

    private static Answerable answerable(ResultSet rs, int n) throws SQLException {
        return new Answerable(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getObject("game_id", UUID.class), rs.getString("name"), rs.getObject("player_id", UUID.class),
                rs.getString("account_id"), rs.getString("locale"), rs.getObject("ticket_id", UUID.class));
    }

    /**
     * Keeps an inbound SMS by the gateway's id; false when it was kept before (the gateway sent it
     * again). A concurrent repeat waits for the first on the key and then fails, to be sent again.
     */
    boolean firstInbound(String gatewayId, Instant at) {
        if (jdbc.sql("select count(*) from outreach_sms_inbound where gateway_id = ?").param(gatewayId)
                .query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("insert into outreach_sms_inbound (gateway_id, outcome, received_at) values (?, 'received', ?)")
                .params(gatewayId, Timestamp.from(at)).update();
        return true;
    }

    void inboundTaken(String gatewayId, String outcome, UUID recipientId, UUID ticketId) {
        jdbc.sql("update outreach_sms_inbound set outcome = ?, recipient_id = ?, ticket_id = ? where gateway_id = ?")
                .params(outcome, recipientId, ticketId, gatewayId).update();
    }

    /**
     * Deletes up to {@code limit} of the ids of inbound texts received before {@code before}, the
     * oldest first; answers how many.
     */
    int purgeInbound(Instant before, int limit) {
        return jdbc.sql("delete from outreach_sms_inbound where gateway_id in (select gateway_id from "
                + "outreach_sms_inbound where received_at < ? order by received_at limit ?)")
                .params(Timestamp.from(before), limit).update();
    }

    /** Takes the named lease for {@code holder} unless another holds it: whether taken. */
    boolean lease(String name, String holder, Instant now, java.time.Duration length) {
        return jdbc.sql("update outreach_lease set claimed_by = ?, claimed_until = ? where name = ? "
                + "and (claimed_until is null or claimed_until < ? or claimed_by = ?)")
                .params(holder, Timestamp.from(now.plus(length)), name, Timestamp.from(now), holder).update() == 1;
    }

    void release(String name, String holder) {
        jdbc.sql("update outreach_lease set claimed_by = null, claimed_until = null where name = ? and claimed_by = ?")
                .params(name, holder).update();
    }

    /**
     * The campaign SMS whose answer opened a ticket: the number it went to (null once erased), the
     * player and the game.
     */
    record SmsTicket(UUID recipientId, UUID gameId, UUID playerId, String phone) {
    }

    Optional<SmsTicket> smsTicket(UUID ticketId) {
        return jdbc.sql("select r.id, c.game_id, r.player_id, r.address from outreach_recipient r "
                + "join outreach_campaign c on c.id = r.campaign_id where r.ticket_id = ? and c.channel = 'sms' "
                + "order by r.replied_at desc, r.id limit 1").param(ticketId)
                .query((rs, n) -> new SmsTicket(rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class),
                        rs.getObject("player_id", UUID.class), rs.getString("address")))
                .optional();
    }

    /** Whether an agent's answer (a ticket message) was taken already: sent, or not sent and said why. */
    boolean answerTaken(UUID messageId) {
        return jdbc.sql("select count(*) from outreach_sms_answer where message_id = ?").param(messageId)
                .query(Integer.class).single() > 0;
    }

    /**
     * Keeps an agent's answer by its message id, in the caller's transaction, before it is sent: a
     * concurrent second delivery of the same event waits on the key and then fails (to find it
     * taken when tried again).
     */
    void answerTaking(UUID messageId, UUID ticketId, Instant at) {
        jdbc.sql("insert into outreach_sms_answer (message_id, ticket_id, outcome, at) values (?, ?, 'sending', ?)")
                .params(messageId, ticketId, Timestamp.from(at)).update();
    }

    void answerTaken(UUID messageId, String outcome, String reference) {
        jdbc.sql("update outreach_sms_answer set outcome = ?, reference = ? where message_id = ?")
                .params(outcome, clip(reference, 200), messageId).update();
    }

    /** The recipient's campaign secret (for its unsubscribe link), with the game and channel. */
    record Unsubscribing(UUID recipientId, UUID playerId, UUID gameId, OutreachChannel channel, String secret) {
    }

    Optional<Unsubscribing> unsubscribing(UUID recipientId) {
        return jdbc.sql("select r.id, r.player_id, c.game_id, c.channel, c.secret from outreach_recipient r "
                + "join outreach_campaign c on c.id = r.campaign_id where r.id = ?").param(recipientId)
                .query((rs, n) -> new Unsubscribing(rs.getObject("id", UUID.class), rs.getObject("player_id", UUID.class),
                        rs.getObject("game_id", UUID.class),
                        Coded.fromCode(OutreachChannel.class, rs.getString("channel")), secrets.open(rs.getString("secret"))))
                .optional();
    }

    void optedOut(UUID recipientId) {
        jdbc.sql("update outreach_recipient set state = 'opted_out', reason = 'unsubscribed' where id = ? "
                + "and state = 'queued'").param(recipientId).update();
    }

    private static final String RECIPIENT = "select id, campaign_id, player_id, account_id, locale, state, due_at, "
            + "sent_at, delivered_at, replied_at, ticket_id, reference, reason from outreach_recipient ";

    private static RecipientView recipientRow(ResultSet rs, int n) throws SQLException {
        return new RecipientView(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class),
                rs.getObject("player_id", UUID.class), rs.getString("account_id"), rs.getString("locale"),
                Coded.fromCode(RecipientState.class, rs.getString("state")), instant(rs, "due_at"),
                instant(rs, "sent_at"), instant(rs, "delivered_at"), instant(rs, "replied_at"),
                rs.getObject("ticket_id", UUID.class), rs.getString("reference"), rs.getString("reason"));
    }

    private CampaignRow campaignRow(ResultSet rs, int n) throws SQLException {
        return new CampaignRow(rs.getObject("id", UUID.class), rs.getObject("game_id", UUID.class),
                rs.getString("name"), Coded.fromCode(OutreachChannel.class, rs.getString("channel")),
                Coded.fromCode(CampaignState.class, rs.getString("state")), rs.getString("segment"),
                rs.getString("subject_zh"), rs.getString("text_zh"), rs.getString("subject_en"),
                rs.getString("text_en"), secrets.open(rs.getString("secret")), rs.getInt("recipients"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "started_at"), instant(rs, "ended_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    static String clip(String text, int max) {
        return text == null ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
