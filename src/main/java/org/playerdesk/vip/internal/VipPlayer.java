package org.playerdesk.vip.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.vip.VipPlayerView;

@Entity
@Table(name = "vip_player")
public class VipPlayer extends StoredEntity {

    private UUID gameId;
    private String accountId;
    private UUID managerId;
    private String entryTokenHash;
    private int vipLevel;
    private String tier;
    private Instant nextFollowUpAt;
    private Instant createdAt;
    private Instant updatedAt;

    protected VipPlayer() {
    }

    public VipPlayer(UUID gameId, String accountId, Instant now) {
        this.gameId = gameId;
        this.accountId = accountId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void manage(UUID managerId, int vipLevel, String tier, Instant nextFollowUpAt, Instant now) {
        this.managerId = managerId;
        this.vipLevel = vipLevel;
        this.tier = tier;
        if (this.nextFollowUpAt == null || nextFollowUpAt == null) {
            this.nextFollowUpAt = nextFollowUpAt;
        }
        this.updatedAt = now;
    }

    public void entryToken(String hash, Instant now) {
        this.entryTokenHash = hash;
        this.updatedAt = now;
    }

    /** The next follow-up moved to a date agreed with the player. */
    public void bookFollowUp(Instant at, Instant now) {
        this.nextFollowUpAt = at;
        this.updatedAt = now;
    }

    public void followUpDone(Instant next, Instant now) {
        this.nextFollowUpAt = next;
        this.updatedAt = now;
    }

    public UUID gameId() {
        return gameId;
    }

    public String accountId() {
        return accountId;
    }

    public UUID managerId() {
        return managerId;
    }

    public int vipLevel() {
        return vipLevel;
    }

    public String tier() {
        return tier;
    }

    public Instant nextFollowUpAt() {
        return nextFollowUpAt;
    }

    public VipPlayerView view() {
        return new VipPlayerView(getId(), gameId, accountId, managerId, vipLevel, tier, entryTokenHash != null,
                nextFollowUpAt, createdAt);
    }
}
