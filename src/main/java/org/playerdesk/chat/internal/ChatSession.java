package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;
import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.ChatView;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;

/**
 * One chat between a player and (once accepted) an agent; the rules of its life are here. An
 * update writes only the columns that changed: a text line moves {@code last_seq} on in plain SQL
 * ({@link ChatLines}) while, say, a read receipt changes the chat through the entity.
 */
@Entity
@DynamicUpdate
@Table(name = "chat_session")
public class ChatSession extends StoredEntity {

    private UUID gameId;
    private UUID playerId;
    private String accountId;
    private String nickname;
    private Integer vipLevel;
    private String server;
    private boolean guest;
    private String tokenHash;
    @Convert(converter = ChatConverters.Status.class)
    private ChatStatus status;
    private UUID agentId;
    private String agentName;
    private UUID ticketId;
    private String followToken;
    private long lastSeq;
    private long playerRead;
    private long agentRead;
    private Integer rating;
    @Column(name = "rating_comment")
    private String ratingComment;
    private Instant createdAt;
    private Instant acceptedAt;
    private Instant endedAt;
    /** Since when the agent who has the chat holds it: accepted, or handed over to them. */
    private Instant heldSince;
    /** The last line already written to the ticket; lines after it wait for the next batch. */
    private long transcriptSeq;
    /** Since when the oldest line not yet on the ticket waits; null when the ticket has every line. */
    private Instant transcriptSince;

    protected ChatSession() {
    }

    public ChatSession(UUID gameId, UUID playerId, String accountId, String nickname, Integer vipLevel, String server,
            boolean guest, String tokenHash, ChatStatus status, Instant now) {
        this.gameId = gameId;
        this.playerId = playerId;
        this.accountId = accountId;
        this.nickname = nickname;
        this.vipLevel = vipLevel;
        this.server = server;
        this.guest = guest;
        this.tokenHash = tokenHash;
        this.status = status;
        this.createdAt = now;
    }

    public long nextSeq(Instant now) {
        if (transcriptSince == null) {
            transcriptSince = now;
        }
        return ++lastSeq;
    }

    public long transcriptSeq() {
        return transcriptSeq;
    }

    /** Every line up to {@code seq} is on the ticket. */
    public void transcribed(long seq) {
        transcriptSeq = Math.max(transcriptSeq, seq);
        if (transcriptSeq >= lastSeq) {
            transcriptSince = null;
        }
    }

    public void accept(UUID agent, String name, Instant now) {
        status = status.moveTo(ChatStatus.ACTIVE);
        agentId = agent;
        agentName = name;
        acceptedAt = now;
        heldSince = now;
    }

    /**
     * Back in the queue without an agent (theirs was disabled). It waits as a chat arriving now
     * would, so that the game's wait limit does not turn it into a ticket at once.
     */
    public void requeue(Instant now) {
        status = status.moveTo(ChatStatus.WAITING);
        agentId = null;
        agentName = null;
        acceptedAt = null;
        heldSince = null;
        createdAt = now;
    }

    /**
     * On to the queue after the bot's answer: it waits from now, as a chat arriving now would, so
     * the time the player spent on the answer is not counted as their wait for an agent.
     */
    public void queueAfterBot(Instant now) {
        status = status.moveTo(ChatStatus.WAITING);
        createdAt = now;
    }

    public void transfer(UUID agent, String name, Instant now) {
        if (status != ChatStatus.ACTIVE) {
            throw new RuleViolation("chat.transfer.not-active", "only an active chat can be transferred");
        }
        agentId = agent;
        agentName = name;
        heldSince = now;
    }

    public void end(Instant now) {
        status = status.moveTo(ChatStatus.ENDED);
        endedAt = now;
    }

    /** Outside service hours: a ticket from the first message on, still open for the player's messages. */
    public void becomeTicketAtStart(Instant now) {
        status = ChatStatus.TICKET;
    }

    public void becomeTicket(Instant now) {
        status = status.moveTo(ChatStatus.TICKET);
        endedAt = now;
    }

    public void rate(int score, String comment) {
        if (status.open()) {
            throw new RuleViolation("chat.rate.open", "a chat is rated once it has ended");
        }
        if (rating != null) {
            throw new RuleViolation("chat.rate.twice", "this chat is already rated");
        }
        rating = score;
        ratingComment = comment;
    }

    public void read(boolean byPlayer, long seq) {
        long upTo = Math.min(seq, lastSeq);
        if (byPlayer) {
            playerRead = Math.max(playerRead, upTo);
        } else {
            agentRead = Math.max(agentRead, upTo);
        }
    }

    public void ticket(UUID ticket, String follow) {
        ticketId = ticket;
        followToken = follow;
    }

    public ChatView view() {
        return new ChatView(getId(), gameId, nickname, accountId, vipLevel, server, guest, status, agentId, agentName,
                ticketId, lastSeq, playerRead, agentRead, rating, createdAt, acceptedAt);
    }

    public UUID gameId() {
        return gameId;
    }

    public UUID playerId() {
        return playerId;
    }

    public String tokenHash() {
        return tokenHash;
    }

    public ChatStatus status() {
        return status;
    }

    public UUID agentId() {
        return agentId;
    }

    public UUID ticketId() {
        return ticketId;
    }

    public String followToken() {
        return followToken;
    }

    public String nickname() {
        return nickname;
    }

    /**
     * The player's name on the chat's ticket: the nickname, else the account id (as the ticket
     * names a player without one); {@code [erased]} once the chat was anonymised for an erasure.
     */
    public String playerName() {
        return nickname != null ? nickname : accountId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Since when its agent holds the chat (chats accepted before this was kept: since accepted). */
    public Instant heldSince() {
        return heldSince != null ? heldSince : acceptedAt;
    }
}
