package org.playerdesk.player.internal;

import java.time.Instant;
import java.util.UUID;

import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "player")
public class Player extends StoredEntity {

    private UUID gameId;
    private String accountId;
    private String nickname;
    private String server;
    @Column(name = "role_name")
    private String role;
    private String contactEmail;
    private Instant createdAt;
    private Instant updatedAt;

    protected Player() {
    }

    /** A new player with what they told us (and the contact email, when given): written in one insert. */
    public Player(UUID gameId, PlayerIdentity identity, String contactEmail, Instant now) {
        this.gameId = gameId;
        this.accountId = identity.accountId();
        this.createdAt = now;
        this.updatedAt = now;
        update(identity, contactEmail, now);
    }

    /** Keeps the latest of what the player tells us; an absent value does not erase a known one. */
    public void update(PlayerIdentity identity, String contactEmail, Instant now) {
        boolean changed = false;
        if (identity.nickname() != null && !identity.nickname().equals(nickname)) {
            nickname = identity.nickname();
            changed = true;
        }
        if (identity.server() != null && !identity.server().equals(server)) {
            server = identity.server();
            changed = true;
        }
        if (identity.role() != null && !identity.role().equals(role)) {
            role = identity.role();
            changed = true;
        }
        if (contactEmail != null && !contactEmail.equals(this.contactEmail)) {
            this.contactEmail = contactEmail;
            changed = true;
        }
        if (changed) {
            updatedAt = now;
        }
    }

    /**
     * Forgets what names or reaches the player (a player's data erased): nickname, server, role and
     * contact email go, the account id becomes {@code erased-} and the record's id, so that the
     * account is a new player when it comes back.
     */
    public void anonymise(Instant now) {
        accountId = "erased-" + getId();
        nickname = null;
        server = null;
        role = null;
        contactEmail = null;
        updatedAt = now;
    }

    public PlayerSummary summary() {
        return new PlayerSummary(getId(), gameId, accountId, nickname, server, role, contactEmail, createdAt);
    }
}
