package org.playerdesk.ticket.internal;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.hibernate.annotations.BatchSize;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.entity.StoredEntity;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A ticket and its rules. Each rule-checked change returns the {@link Change} to record; the
 * desk turns it into history and an event.
 */
@Entity
@Table(name = "ticket")
public class Ticket extends StoredEntity {

    public static final int SUBJECT_MAX = 200;
    public static final int TAG_MAX = 40;
    public static final int TAGS_MAX = 20;

    private UUID gameId;
    private long number;
    private UUID playerId;
    private String subject;
    @Convert(converter = Converters.Type.class)
    private TicketType type;
    @Convert(converter = Converters.Channel.class)
    private TicketChannel channel;
    @Convert(converter = Converters.Priority.class)
    private TicketPriority priority;
    /** The priority as a number, so that the inbox can sort by it (urgent is 3). */
    private short priorityRank;
    @Convert(converter = Converters.Status.class)
    private TicketStatus status;
    private UUID assigneeId;
    private String contactEmail;
    private String accessTokenHash;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant firstResponseAt;
    private Instant resolvedAt;
    private Instant closedAt;
    /**
     * The next service-level deadline and how it stands, kept by the service-level module through
     * {@link TicketRows#trackSla}: never written with the entity, so that a timer moving never
     * collides with an agent's change (no version bump).
     */
    @Column(insertable = false, updatable = false)
    private Instant slaDueAt;
    @Column(insertable = false, updatable = false)
    @Convert(converter = Converters.Sla.class)
    private SlaState slaState;
    @Convert(converter = Converters.Level.class)
    private SupportLevel supportLevel = SupportLevel.FIRST_LINE;
    @Version
    private long version;

    @ElementCollection
    @CollectionTable(name = "ticket_tag", joinColumns = @JoinColumn(name = "ticket_id"))
    @Column(name = "tag")
    @BatchSize(size = 100)
    private Set<String> tags = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "ticket_metadata", joinColumns = @JoinColumn(name = "ticket_id"))
    @MapKeyColumn(name = "entry_key")
    @Column(name = "entry_value")
    @BatchSize(size = 100)
    private Map<String, String> metadata = new HashMap<>();

    protected Ticket() {
    }

    public Ticket(UUID gameId, long number, UUID playerId, String subject, TicketType type, TicketChannel channel,
            TicketPriority priority, String contactEmail, Map<String, String> metadata, String accessTokenHash,
            Instant now) {
        this.gameId = gameId;
        this.number = number;
        this.playerId = playerId;
        this.subject = subject;
        this.type = type;
        this.channel = channel;
        this.priority = priority;
        this.priorityRank = (short) priority.ordinal();
        this.status = TicketStatus.NEW;
        this.contactEmail = contactEmail;
        this.metadata.putAll(metadata);
        this.accessTokenHash = accessTokenHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A status as its name in the reader's language, resolved where the refusal is shown. */
    private static MessageSourceResolvable statusName(TicketStatus status) {
        return new DefaultMessageSourceResolvable(new String[] {"ticket.status." + status.code()}, status.code());
    }

    public Change changeStatus(TicketStatus next, Instant now) {
        if (next == status) {
            return null;
        }
        if (!status.canBecome(next)) {
            throw new RuleViolation("ticket.status.refused",
                    "a ticket cannot go from " + status.code() + " to " + next.code() + "; from " + status.code()
                            + " it can go to " + String.join(", ", status.next().stream().map(TicketStatus::code).toList()),
                    statusName(status), statusName(next));
        }
        Change change = new Change(Change.STATUS, status.code(), next.code());
        status = next;
        if (next == TicketStatus.RESOLVED) {
            resolvedAt = now;
        } else if (next == TicketStatus.CLOSED) {
            closedAt = now;
        } else if (next == TicketStatus.OPEN) {
            resolvedAt = null;
        }
        touch(now);
        return change;
    }

    /**
     * A player wrote again: waiting on them is over, and a resolved ticket reopens. A closed
     * ticket takes no more replies: the player opens a new one.
     */
    public Change playerReplied(Instant now) {
        requireNotClosed();
        touch(now);
        return switch (status) {
            case PENDING_PLAYER, RESOLVED -> changeStatus(TicketStatus.OPEN, now);
            default -> null;
        };
    }

    /** An agent answered the player: the first answer is remembered, and a new ticket is now open. */
    public Change agentReplied(Instant now) {
        requireNotClosed();
        if (firstResponseAt == null) {
            firstResponseAt = now;
        }
        touch(now);
        return status == TicketStatus.NEW ? changeStatus(TicketStatus.OPEN, now) : null;
    }

    public void noted(Instant now) {
        touch(now);
    }

    /** Gives the ticket to a member of staff (or to nobody); taking a new ticket opens it. */
    public List<Change> assign(UUID assignee, Instant now) {
        requireNotClosed();
        if (java.util.Objects.equals(assignee, assigneeId)) {
            return List.of();
        }
        Change change = new Change(Change.ASSIGNEE, str(assigneeId), str(assignee));
        assigneeId = assignee;
        touch(now);
        if (assignee != null && status == TicketStatus.NEW) {
            return List.of(change, changeStatus(TicketStatus.OPEN, now));
        }
        return List.of(change);
    }

    public Change prioritize(TicketPriority next, Instant now) {
        requireNotClosed();
        if (next == priority) {
            return null;
        }
        Change change = new Change(Change.PRIORITY, priority.code(), next.code());
        priority = next;
        priorityRank = (short) next.ordinal();
        touch(now);
        return change;
    }

    public Change retype(TicketType next, Instant now) {
        requireNotClosed();
        if (next == type) {
            return null;
        }
        Change change = new Change(Change.TYPE, type.code(), next.code());
        type = next;
        touch(now);
        return change;
    }

    public Change tag(String tag, Instant now) {
        requireNotClosed();
        if (tags.contains(tag)) {
            return null;
        }
        if (tags.size() >= TAGS_MAX) {
            throw new RuleViolation("ticket.tags.full", "a ticket has at most " + TAGS_MAX + " tags", TAGS_MAX);
        }
        tags.add(tag);
        touch(now);
        return new Change(Change.TAG_ADDED, null, tag);
    }

    public Change untag(String tag, Instant now) {
        requireNotClosed();
        if (!tags.remove(tag)) {
            return null;
        }
        touch(now);
        return new Change(Change.TAG_REMOVED, tag, null);
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new RuleViolation("ticket.closed", "the ticket is closed; a new ticket is needed");
        }
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    public TicketChannel channel() {
        return channel;
    }

    /** Whether an agent has answered the player publicly (the first response is taken). */
    public boolean answered() {
        return firstResponseAt != null;
    }

    public UUID gameId() {
        return gameId;
    }

    public long number() {
        return number;
    }

    public UUID playerId() {
        return playerId;
    }

    public TicketStatus status() {
        return status;
    }

    public TicketPriority priority() {
        return priority;
    }

    public TicketType type() {
        return type;
    }

    public UUID assigneeId() {
        return assigneeId;
    }

    public String contactEmail() {
        return contactEmail;
    }

    public Map<String, String> metadata() {
        return Map.copyOf(metadata);
    }

    public Optional<String> accessTokenHash() {
        return Optional.ofNullable(accessTokenHash);
    }

    public SupportLevel supportLevel() {
        return supportLevel;
    }

    /** Moves the ticket to another support level; null when it is already there. */
    public Change escalate(SupportLevel to, Instant now) {
        if (to == supportLevel) {
            return null;
        }
        Change change = new Change(Change.LEVEL, supportLevel.code(), to.code());
        supportLevel = to;
        updatedAt = now;
        return change;
    }

    public TicketView view() {
        return new TicketView(getId(), gameId, number, playerId, subject, type, channel, priority, status, assigneeId,
                List.copyOf(tags), createdAt, updatedAt, firstResponseAt, resolvedAt, slaDueAt, slaState,
                supportLevel);
    }
}
