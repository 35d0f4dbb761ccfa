package org.playerdesk.chat.internal;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.playerdesk.chat.Presence;

/** An agent's chat presence and capacity; keyed by the staff account. */
@Entity
@Table(name = "chat_agent")
public class ChatAgent {

    @Id
    private UUID staffId;
    private String displayName;
    @Convert(converter = ChatConverters.Availability.class)
    private Presence presence;
    private int capacity;
    private Instant updatedAt;
    /** The last sign of the agent's console (a heartbeat, a connection): an agent silent too long is offline. */
    private Instant lastSeenAt;

    protected ChatAgent() {
    }

    public ChatAgent(UUID staffId, String displayName, Presence presence, int capacity, Instant now) {
        this.staffId = staffId;
        this.displayName = displayName;
        this.presence = presence;
        this.capacity = capacity;
        this.updatedAt = now;
        this.lastSeenAt = now;
    }

    public void set(Presence next, int seats, Instant now) {
        presence = next;
        capacity = seats;
        updatedAt = now;
        lastSeenAt = now;
    }

    public void seen(Instant now) {
        lastSeenAt = now;
    }

    /** Online or busy, but not heard from since {@code before}: the console was closed or lost its network. */
    public boolean absentSince(Instant before) {
        return presence != Presence.OFFLINE && presence != Presence.AWAY && lastSeenAt.isBefore(before);
    }

    public UUID staffId() {
        return staffId;
    }

    public String displayName() {
        return displayName;
    }

    public Presence presence() {
        return presence;
    }

    public int capacity() {
        return capacity;
    }
}
