package org.playerdesk.vip.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.vip.FollowUpView;

/** A follow-up visit done, with its outcome. */
@Entity
@Table(name = "vip_follow_up")
public class FollowUp extends StoredEntity {

    private UUID vipPlayerId;
    private UUID gameId;
    private String accountId;
    private Instant dueAt;
    private Instant doneAt;
    private String doneBy;
    private String outcome;
    private Integer satisfaction;
    private String notes;

    protected FollowUp() {
    }

    public FollowUp(VipPlayer player, Instant dueAt, Instant doneAt, String doneBy, String outcome,
            Integer satisfaction, String notes) {
        this.vipPlayerId = player.getId();
        this.gameId = player.gameId();
        this.accountId = player.accountId();
        this.dueAt = dueAt;
        this.doneAt = doneAt;
        this.doneBy = doneBy;
        this.outcome = outcome;
        this.satisfaction = satisfaction;
        this.notes = notes;
    }

    public FollowUpView view() {
        return new FollowUpView(getId(), vipPlayerId, gameId, accountId, dueAt, doneAt, doneBy, outcome, satisfaction,
                notes);
    }
}
