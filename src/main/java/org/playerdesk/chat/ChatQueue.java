package org.playerdesk.chat;

import static org.playerdesk.chat.internal.ChatSignals.event;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.internal.BotOffer;
import org.playerdesk.chat.internal.BotOffers;
import org.playerdesk.chat.internal.ChatBroadcast;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.chat.internal.ChatSession;
import org.playerdesk.chat.internal.ChatSessionRepository;
import org.playerdesk.chat.internal.ChatSettings;
import org.playerdesk.chat.internal.ChatSignals;
import org.playerdesk.chat.internal.ChatTranscripts;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chats waiting for an agent, per game: where each stands and how long it may wait, the
 * agents it is offered to, the agent who takes it, and the chats nobody took within their game's
 * wait, which become tickets.
 */
@Service
@Transactional
public class ChatQueue {

    private final ChatSessionRepository sessions;
    private final ChatBroadcast broadcast;
    private final ChatProperties properties;
    private final TicketDesk tickets;
    private final ChatSeats seats;
    private final ChatRulebook rulebook;
    private final ChatTranscripts transcripts;
    private final ChatSignals signals;
    private final BotOffers botOffers;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ChatQueue(ChatSessionRepository sessions, ChatBroadcast broadcast, ChatProperties properties, TicketDesk tickets,
            ChatSeats seats, ChatRulebook rulebook, ChatTranscripts transcripts, ChatSignals signals,
            BotOffers botOffers, Clock clock, ApplicationEventPublisher events) {
        this.botOffers = botOffers;
        this.events = events;
        this.sessions = sessions;
        this.broadcast = broadcast;
        this.properties = properties;
        this.tickets = tickets;
        this.seats = seats;
        this.rulebook = rulebook;
        this.transcripts = transcripts;
        this.signals = signals;
        this.clock = clock;
    }

    /** Takes a waiting chat: the agent must serve the game, be online, not on a break and have a free seat. */
    public ChatView accept(UUID sessionId, StaffUser agent) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mustServe(agent.member(), session);
        AgentSeat seat = seat(agent.member());
        if (seat.paused()) {
            throw new RuleViolation("chat.accept.on-break", "on a break until " + seat.pausedUntil());
        }
        if (!seat.free()) {
            throw new RuleViolation("chat.accept.no-seat", "set yourself online with a free chat seat first");
        }
        if (session.status() != ChatStatus.WAITING) {
            throw new RuleViolation("chat.accept.taken", "this chat is no longer waiting");
        }
        Instant now = clock.instant();
        session.accept(agent.id(), agent.displayName(), now);
        events.publishEvent(new ChatEvents.ChatAnswered(sessionId, session.gameId(), agent.id(),
                ChatDesk.seconds(session.createdAt(), now), seat.active() + 1, now));
        tickets.assign(session.ticketId(), agent.id(), Actor.agent(agent.id(), agent.displayName()));
        statusChanged(session);
        queueChanged(session.gameId());
        return session.view();
    }

    /** Waiting chats of the games the agent serves, oldest first. */
    @Transactional(readOnly = true)
    public List<ChatView> waiting(StaffMember agent) {
        List<ChatSession> found = agent.role().seesAllGames()
                ? sessions.findByStatusOrderByCreatedAtAsc(ChatStatus.WAITING)
                : sessions.findByGameIdInAndStatusOrderByCreatedAtAsc(agent.gameIds(), ChatStatus.WAITING);
        return found.stream().map(ChatSession::view).toList();
    }

    /**
     * Chats nobody took within their game's wait become tickets; their players are told where
     * the answer will come. Safe to run on every node at once: each chat is locked and checked.
     */
    public int expireWaiting() {
        return expireWaiting(clock.instant());
    }

    /**
     * The same as of {@code now}: one look-up per game with waiting chats, then only the chats past
     * its wait. A bot's answer the player has said nothing of within the game's wait hands the chat
     * to the queue, so that a player who is still there gets an agent.
     */
    public int expireWaiting(Instant now) {
        int expired = 0;
        for (UUID game : sessions.gamesWith(ChatStatus.BOT)) {
            Instant before = now.minusSeconds(settingsOf(game).maxWaitSeconds());
            for (UUID id : sessions.idsOf(game, ChatStatus.BOT, before)) {
                ChatSession session = sessions.lockById(id).orElseThrow();
                if (session.status() == ChatStatus.BOT) {
                    handOverFromBot(session, botOffers.open(id), ChatBot.Offer.UNANSWERED, now);
                }
            }
        }
        for (UUID game : sessions.gamesWith(ChatStatus.WAITING)) {
            Instant before = now.minusSeconds(settingsOf(game).maxWaitSeconds());
            for (UUID id : sessions.idsOf(game, ChatStatus.WAITING, before)) {
                ChatSession session = sessions.lockById(id).orElseThrow();
                if (session.status() == ChatStatus.WAITING) {
                    transcribe(session);
                    session.becomeTicket(now);
                    events.publishEvent(new ChatEvents.ChatAbandoned(id, session.gameId(), true,
                            ChatDesk.seconds(session.createdAt(), now), now));
                    statusChanged(session);
                    queueChanged(session.gameId());
                    expired++;
                }
            }
        }
        return expired;
    }

    private void mustServe(StaffMember agent, ChatSession session) {
        if (!agent.serves(session.gameId())) {
            throw new NotFoundException("chat", session.getId());
        }
    }

    /** Offers a new chat to each online agent of the game with a free seat. */
    /**
     * Puts the active chats of an agent who was disabled back in the queue, each offered again to
     * the agents online; their tickets go back to routing with the agent's other tickets. A chat
     * already back, or taken by someone else meanwhile, is left alone, so this may run twice.
     */
    public int handBack(UUID agentId) {
        int handed = 0;
        for (ChatSession held : sessions.findByAgentIdAndStatusOrderByCreatedAtAsc(agentId, ChatStatus.ACTIVE)) {
            ChatSession session = sessions.lockById(held.getId()).orElse(null);
            if (session == null || session.status() != ChatStatus.ACTIVE || !agentId.equals(session.agentId())) {
                continue;
            }
            session.requeue(clock.instant());
            signals.statusChanged(session);
            signals.queueChanged(session.gameId());
            offer(session);
            handed++;
        }
        return handed;
    }

    /**
     * The chat joins the queue after the bot's answer, the player's word on it kept for the agent
     * who takes it; the chat is locked by the caller.
     */
    void handOverFromBot(ChatSession session, BotOffer offer, String outcome, Instant now) {
        offer.settle(outcome, now);
        session.queueAfterBot(now);
        ChatBot.Answer answer = offer.answer();
        events.publishEvent(new ChatEvents.ChatBotOutcome(session.getId(), session.gameId(), session.ticketId(),
                answer.articleId(), answer.title(), answer.confidence(), outcome, now));
        statusChanged(session);
        queueChanged(session.gameId());
        offer(session);
    }

    void offer(ChatSession session) {
        for (AgentSeat seat : online(session.gameId())) {
            if (seat.free()) {
                broadcast.toAgent(seat.staffId(), event("offer", "chat", session.getId().toString()));
            }
        }
    }

    int position(ChatSession session) {
        return (int) sessions.countByGameIdAndStatusAndCreatedAtBefore(session.gameId(), ChatStatus.WAITING,
                session.createdAt()) + 1;
    }

    int expectedWait(UUID gameId, int position) {
        if (position <= 0) {
            return 0;
        }
        long free = online(gameId).stream().filter(AgentSeat::free).count();
        return (int) Math.ceil((double) position * properties.minutesPerChat() / Math.max(1, free));
    }

    // ---------------------------------------------------------------- kept elsewhere

    private AgentSeat seat(StaffMember agent) {
        return seats.seat(agent);
    }

    private List<AgentSeat> online(UUID gameId) {
        return seats.online(gameId);
    }

    private ChatSettings settingsOf(UUID gameId) {
        return rulebook.settingsOf(gameId);
    }

    private int transcribe(ChatSession session) {
        return transcripts.transcribe(session);
    }

    private void statusChanged(ChatSession session) {
        signals.statusChanged(session);
    }

    private void queueChanged(UUID gameId) {
        signals.queueChanged(gameId);
    }
}
