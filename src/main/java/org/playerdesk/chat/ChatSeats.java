package org.playerdesk.chat;

import static org.playerdesk.chat.ChatDesk.mayWrite;
import static org.playerdesk.chat.internal.ChatSignals.event;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.internal.ChatAgent;
import org.playerdesk.chat.internal.ChatAgentRepository;
import org.playerdesk.chat.internal.ChatBroadcast;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.chat.internal.ChatSession;
import org.playerdesk.chat.internal.ChatSessionRepository;
import org.playerdesk.chat.internal.ChatSignals;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.validation.InputValidation;
import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agents on live chat: their presence and seats (how many chats each takes at once), the
 * chats they hold, handing a chat to a colleague, and agents whose console fell silent set
 * offline.
 */
@Service
@Transactional
public class ChatSeats {

    private final ChatSessionRepository sessions;
    private final ChatAgentRepository agents;
    private final ChatBroadcast broadcast;
    private final ChatProperties properties;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final TicketDesk tickets;
    private final ChatSignals signals;
    private final Clock clock;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<ChatPause> pauses;

    ChatSeats(ChatSessionRepository sessions, ChatAgentRepository agents, ChatBroadcast broadcast,
            ChatProperties properties, GameCatalog games, StaffDirectory staff, TicketDesk tickets, ChatSignals signals,
            Clock clock, InputValidation validation, ApplicationEventPublisher events, ObjectProvider<ChatPause> pauses) {
        this.pauses = pauses;
        this.events = events;
        this.validation = validation;
        this.sessions = sessions;
        this.agents = agents;
        this.broadcast = broadcast;
        this.properties = properties;
        this.games = games;
        this.staff = staff;
        this.tickets = tickets;
        this.signals = signals;
        this.clock = clock;
    }

    /** How many chats an agent takes at once. */
    record Seats(@Range(min = 1, max = 20, message = "{invalid.range.between}") Integer capacity) {
    }

    /**
     * Sets the agent's presence (null: unchanged) and seats (null: unchanged); a new presence is
     * published as {@link AgentPresenceChanged}.
     */
    public AgentSeat setPresence(StaffMember agent, Presence presence, Integer capacity) {
        validation.check(new Seats(capacity));
        Instant now = clock.instant();
        ChatAgent existing = agents.findById(agent.id()).orElse(null);
        Presence before = existing == null ? null : existing.presence();
        ChatAgent row = existing != null ? existing
                : new ChatAgent(agent.id(), agent.displayName(), Presence.OFFLINE, properties.defaultCapacity(), now);
        row.set(presence == null ? row.presence() : presence, capacity == null ? row.capacity() : capacity, now);
        agents.save(row);
        if (row.presence() != before) {
            events.publishEvent(new AgentPresenceChanged(agent.id(), row.presence(), now));
        }
        for (UUID game : gamesOf(agent)) {
            queueChanged(game);
        }
        return seatOf(row);
    }

    /**
     * The agent's console is still there (it calls this every half minute while open, and on every
     * real-time connection); an agent who stops calling counts as gone after
     * {@code playerdesk.chat.presence-timeout}.
     */
    public void heartbeat(UUID staffId) {
        heartbeat(staffId, clock.instant());
    }

    void heartbeat(UUID staffId, Instant at) {
        agents.seen(staffId, at);
    }

    /**
     * Agents marked online or busy whose console fell silent (closed, crashed, lost its network)
     * are set offline, so that no new chat waits on them; their games' queues are told. Safe on
     * every node at once: each agent row is re-checked under its lock.
     */
    public int markAbsentAgentsOffline() {
        return markAbsentAgentsOffline(clock.instant());
    }

    /** The same as of {@code now}. */
    public int markAbsentAgentsOffline(Instant now) {
        Instant before = now.minus(properties.presenceTimeout());
        int marked = 0;
        for (UUID id : agents.silentSince(EnumSet.of(Presence.ONLINE, Presence.BUSY), before)) {
            ChatAgent row = agents.lockById(id).orElse(null);
            if (row != null && row.absentSince(before)) {
                row.set(Presence.OFFLINE, row.capacity(), now);
                staff.byIds(List.of(id)).values().forEach(member -> gamesOf(member).forEach(this::queueChanged));
                marked++;
            }
        }
        return marked;
    }

    @Transactional(readOnly = true)
    public AgentSeat seat(StaffMember agent) {
        return agents.findById(agent.id()).map(this::seatOf)
                .orElse(new AgentSeat(agent.id(), agent.displayName(), Presence.OFFLINE, properties.defaultCapacity(), 0));
    }

    /** Agents online who serve the game, for transfers. */
    @Transactional(readOnly = true)
    public List<AgentSeat> online(UUID gameId) {
        List<AgentSeat> seats = new ArrayList<>();
        for (ChatAgent row : agents.findByPresence(Presence.ONLINE)) {
            StaffMember member = staff.get(row.staffId());
            if (member.serves(gameId)) {
                seats.add(seatOf(row));
            }
        }
        return seats;
    }

    @Transactional(readOnly = true)
    public List<ChatView> active(StaffMember agent) {
        return sessions.findByAgentIdAndStatusOrderByCreatedAtAsc(agent.id(), ChatStatus.ACTIVE).stream()
                .map(ChatSession::view).toList();
    }

    /**
     * As {@link #transfer(UUID, StaffUser, UUID)}, for a transfer the holder makes outside a chat
     * page (handing their chats to the incoming shift).
     */
    public ChatView transfer(UUID sessionId, StaffMember from, UUID toStaffId) {
        return transfer(sessionId, new StaffUser(from, ""), toStaffId);
    }

    /** Hands an active chat to another agent who serves the game and has a free seat. */
    public ChatView transfer(UUID sessionId, StaffUser from, UUID toStaffId) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(session, Sender.agent(from));
        StaffMember to = staff.get(toStaffId);
        if (!to.serves(session.gameId())) {
            throw new RuleViolation("chat.transfer.not-serving", "that agent does not serve this game");
        }
        AgentSeat seat = seat(to);
        if (!seat.free() || to.id().equals(from.id())) {
            throw new RuleViolation("chat.transfer.no-seat", "that agent is not online with a free chat seat");
        }
        Instant now = clock.instant();
        long held = ChatDesk.seconds(session.heldSince(), now);
        session.transfer(to.id(), to.displayName(), now);
        events.publishEvent(new ChatEvents.ChatTransferred(sessionId, session.gameId(), from.id(), held, to.id(),
                seat.active() + 1, now));
        tickets.assign(session.ticketId(), to.id(), Actor.agent(from.id(), from.displayName()));
        statusChanged(session);
        broadcast.toAgent(to.id(), event("transferred", "chat", sessionId.toString()));
        broadcast.toAgent(from.id(), event("transferred", "chat", sessionId.toString()));
        return session.view();
    }

    private AgentSeat seatOf(ChatAgent row) {
        int active = (int) sessions.countByAgentIdAndStatus(row.staffId(), ChatStatus.ACTIVE);
        return new AgentSeat(row.staffId(), row.displayName(), row.presence(), row.capacity(), active,
                pausedUntil(row.staffId()));
    }

    /** The latest end of the pauses that keep the agent from new chats now, or null. */
    private Instant pausedUntil(UUID staffId) {
        Instant now = clock.instant();
        return pauses.orderedStream().map(pause -> pause.pausedUntil(staffId, now).orElse(null))
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private Set<UUID> gamesOf(StaffMember agent) {
        return agent.role().seesAllGames() ? Set.copyOf(games.all().stream().map(GameInfo::id).toList())
                : agent.gameIds();
    }

    // ---------------------------------------------------------------- kept elsewhere

    private void statusChanged(ChatSession session) {
        signals.statusChanged(session);
    }

    private void queueChanged(UUID gameId) {
        signals.queueChanged(gameId);
    }
}
