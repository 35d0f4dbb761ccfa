package org.playerdesk.enforcement.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.playerdesk.enforcement.InGameNotices;
import org.playerdesk.enforcement.NoticeView;
import org.playerdesk.game.ActionResult;
import org.playerdesk.system.entity.StoredEntity;

/** One message asked of the game for a player, with the game's answer. */
@Entity
@Table(name = "in_game_notice")
public class InGameNoticeRecord extends StoredEntity {

    private UUID gameId;
    private String accountId;
    private UUID ticketId;
    private UUID violationId;
    private UUID actionId;
    @Enumerated(EnumType.STRING)
    private InGameNotices.Cause cause;
    private String channel;
    private String title;
    private String body;
    private String idempotencyKey;
    private boolean delivered;
    private String reference;
    private String message;
    private String sentByName;
    private Instant sentAt;

    protected InGameNoticeRecord() {
    }

    public InGameNoticeRecord(UUID gameId, String accountId, UUID ticketId, UUID violationId, UUID actionId,
            InGameNotices.Cause cause, String channel, String title, String body, String idempotencyKey,
            String sentByName, Instant sentAt) {
        this.gameId = gameId;
        this.accountId = accountId;
        this.ticketId = ticketId;
        this.violationId = violationId;
        this.actionId = actionId;
        this.cause = cause;
        this.channel = channel;
        this.title = title;
        this.body = body;
        this.idempotencyKey = idempotencyKey;
        this.sentByName = sentByName;
        this.sentAt = sentAt;
    }

    public void answered(ActionResult result) {
        delivered = result.applied();
        reference = clip(result.reference(), 100);
        message = clip(result.message(), 500);
    }

    public void unreachable(String why) {
        delivered = false;
        message = clip(why, 500);
    }

    public void about(UUID violation) {
        this.violationId = violation;
    }

    public NoticeView view() {
        return new NoticeView(getId(), gameId, accountId, ticketId, violationId, actionId, cause, channel, title, body,
                delivered, reference, message, sentByName, sentAt);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
