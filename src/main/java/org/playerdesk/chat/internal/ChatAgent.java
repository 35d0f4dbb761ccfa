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

    protected ChatAgent() {
    }

    public ChatAgent(UUID staffId, String displayName, Presence presence, int capacity, Instant now) {
        this.staffId = staffId;
        this.displayName = displayName;
        this.presence = presence;
        this.capacity = capacity;
        this.updatedAt = now;
    }

    public void set(Presence next, int seats, Instant now) {
        presence = next;
        capacity = seats;
        updatedAt = now;
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
