package org.playerdesk.access.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffRole;
import org.playerdesk.system.entity.StoredEntity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import org.playerdesk.system.cache.ReferenceData;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "staff_account")
@EntityListeners(ReferenceData.Changes.class)
public class StaffAccount extends StoredEntity {

    private String username;
    private String displayName;
    private String passwordHash;
    @Convert(converter = StaffRoleConverter.class)
    private StaffRole role;
    private String locale;
    private boolean enabled;
    private boolean personalDataGranted;
    private Instant createdAt;
    private Instant lastSignInAt;
    /** Sessions signed in before this instant are ended on every node (see SessionCheck). */
    private Instant sessionsEndedAt;
    /** A temporary password was given: the member sets their own before anything else. */
    private boolean mustChangePassword;
    /** The address an identity provider confirmed for this member (single sign-on), if any. */
    private String email;

    /** Read in batches: a list of staff (the inbox's assignee choice) costs one query, not one per member. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "staff_game", joinColumns = @JoinColumn(name = "staff_id"))
    @Column(name = "game_id")
    @BatchSize(size = 100)
    private Set<UUID> gameIds = new HashSet<>();

    protected StaffAccount() {
    }

    public StaffAccount(String username, String displayName, String passwordHash, StaffRole role, String locale,
            Set<UUID> gameIds, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.locale = locale;
        this.enabled = true;
        this.gameIds.addAll(gameIds);
        this.createdAt = createdAt;
    }

    public StaffMember member() {
        return new StaffMember(getId(), username, displayName, role, Set.copyOf(gameIds), locale, enabled,
                personalDataGranted);
    }

    public String passwordHash() {
        return passwordHash;
    }

    public void preferLocale(String locale) {
        this.locale = locale;
    }

    public void assignGames(Set<UUID> games) {
        gameIds.clear();
        gameIds.addAll(games);
    }

    public void changeRole(StaffRole role) {
        this.role = role;
    }

    /** Grants or withdraws this member's own access to players' personal data. */
    public void grantPersonalData(boolean granted) {
        this.personalDataGranted = granted;
    }

    public void enable(boolean enabled) {
        this.enabled = enabled;
    }

    /** Disables the account and ends every session it has, on every node, from {@code now}. */
    public void disable(Instant now) {
        this.enabled = false;
        this.sessionsEndedAt = now;
    }

    public void rename(String displayName) {
        this.displayName = displayName;
    }

    public void signedIn(Instant at) {
        this.lastSignInAt = at;
    }

    public Instant lastSignInAt() {
        return lastSignInAt;
    }

    public String email() {
        return email;
    }

    /** The address the identity provider confirmed at the member's last sign-in through it. */
    public void confirmEmail(String email) {
        this.email = email;
    }

    public Instant sessionsEndedAt() {
        return sessionsEndedAt;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    /**
     * A new password hash. {@code temporary}: given by an administrator, to be changed by the
     * member at their next sign-in.
     */
    public void changePassword(String passwordHash, boolean temporary) {
        this.passwordHash = passwordHash;
        this.mustChangePassword = temporary;
    }
}
