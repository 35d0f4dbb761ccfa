package org.playerdesk.routing.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.QueueView;
import org.playerdesk.routing.RoutingStrategy;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketType;

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
 * A queue of a game. Its row is also the lock that serialises assignments from it, and it keeps
 * the round-robin cursor (the agent who got the last ticket) in the same transaction.
 */
@Entity
@Table(name = "routing_queue")
public class RoutingQueue extends StoredEntity {

    private UUID gameId;
    private String name;
    private int position;
    @Convert(converter = RoutingConverters.Strategy.class)
    private RoutingStrategy strategy;
    private boolean vipFirst;
    @Convert(converter = RoutingConverters.Channel.class)
    private TicketChannel channel;
    @Convert(converter = RoutingConverters.Type.class)
    @Column(name = "ticket_type")
    private TicketType type;
    private String language;
    private String vipTier;
    @Convert(converter = RoutingConverters.Level.class)
    private SupportLevel supportLevel;
    @Convert(converter = RoutingConverters.Tier.class)
    private AgentTier requiredTier;
    private UUID lastStaffId;
    private Instant createdAt;
    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "routing_queue_member", joinColumns = @JoinColumn(name = "queue_id"))
    @Column(name = "staff_id")
    private Set<UUID> members = new HashSet<>();

    protected RoutingQueue() {
    }

    public RoutingQueue(UUID gameId, Instant now) {
        this.gameId = gameId;
        this.createdAt = now;
    }

    public void define(String name, int position, RoutingStrategy strategy, boolean vipFirst, TicketChannel channel,
            TicketType type, String language, String vipTier, SupportLevel level, AgentTier requiredTier,
            Set<UUID> members) {
        this.name = name;
        this.position = position;
        this.strategy = strategy;
        this.vipFirst = vipFirst;
        this.channel = channel;
        this.type = type;
        this.language = language;
        this.vipTier = vipTier;
        this.supportLevel = level;
        this.requiredTier = requiredTier;
        this.members.clear();
        this.members.addAll(members);
    }

    public UUID gameId() {
        return gameId;
    }

    public UUID lastStaffId() {
        return lastStaffId;
    }

    public QueueView view() {
        return new QueueView(getId(), gameId, name, position, strategy, vipFirst, channel, type, language, vipTier,
                supportLevel, requiredTier, Set.copyOf(members));
    }
}
