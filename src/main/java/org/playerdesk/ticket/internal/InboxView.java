package org.playerdesk.ticket.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.SavedView;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A saved inbox view. Its filters are the inbox's codes, checked when the view was saved; its
 * games are fixed when it is saved, so that who sees a shared view does not change behind its
 * author's back.
 */
@Entity
@Table(name = "inbox_view")
public class InboxView extends StoredEntity {

    private UUID ownerId;
    private String name;
    @Convert(converter = Converters.Audience.class)
    private SavedView.Audience audience;
    private int position;
    private String baseView;
    private UUID gameId;
    @Column(name = "ticket_type")
    private String type;
    private String status;
    private String priority;
    private String channel;
    private UUID assigneeId;
    private String words;
    private String sortOrder;
    private Instant createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "inbox_view_game", joinColumns = @JoinColumn(name = "view_id"))
    @Column(name = "game_id")
    private Set<UUID> games = new HashSet<>();

    protected InboxView() {
    }

    /** A view with its filters (codes already checked), last in its author's order. */
    public InboxView(UUID ownerId, String name, SavedView.Audience audience, int position, String baseView,
            UUID gameId, String type, String status, String priority, String channel, UUID assigneeId, String words,
            String sortOrder, Set<UUID> games, Instant now) {
        this.ownerId = ownerId;
        this.name = name;
        this.audience = audience;
        this.position = position;
        this.baseView = baseView;
        this.gameId = gameId;
        this.type = type;
        this.status = status;
        this.priority = priority;
        this.channel = channel;
        this.assigneeId = assigneeId;
        this.words = words;
        this.sortOrder = sortOrder;
        this.games.addAll(games);
        this.createdAt = now;
    }

    public void rename(String newName) {
        this.name = newName;
    }

    /** Its place in the author's order. */
    public void placeAt(int newPosition) {
        this.position = newPosition;
    }

    /** Takes the other view's place in the author's order, and gives it this one's. */
    public void swapPlaces(InboxView other) {
        int mine = position;
        position = other.position;
        other.position = mine;
    }

    public SavedView view() {
        return new SavedView(getId(), ownerId, name, audience, position, baseView, gameId, type, status, priority,
                channel, assigneeId, words, sortOrder, Set.copyOf(games));
    }
}
