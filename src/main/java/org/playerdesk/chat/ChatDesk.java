package org.playerdesk.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.chat.internal.ChatAgent;
import org.playerdesk.chat.internal.ChatAgentRepository;
import org.playerdesk.chat.internal.ChatBroadcast;
import org.playerdesk.chat.internal.ChatLines;
import org.playerdesk.chat.internal.ChatMessage;
import org.playerdesk.chat.internal.ChatMessageRepository;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.chat.internal.ChatSession;
import org.playerdesk.chat.internal.ChatSessionRepository;
import org.playerdesk.chat.internal.ChatSettings;
import org.playerdesk.chat.internal.ChatSettingsRepository;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.FieldErrors;
import org.playerdesk.system.Hashes;
import org.playerdesk.system.NotFoundException;
import org.playerdesk.system.RuleViolation;
import org.playerdesk.system.Texts;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TranscriptLine;
import org.playerdesk.ticket.Upload;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens in a chat. Each message is stored, numbered and written to the chat's
 * ticket in one transaction, and only then delivered to both sides.
 */
@Service
@Transactional
public class ChatDesk {

    public static final int HISTORY_MAX = 500;
    public static final int RATING_COMMENT_MAX = 1000;
    public static final int CLOSED_DAYS_MAX = 100;
    private static final int TRANSCRIPT_BATCH = 200;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final Pattern HOUR = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    private final ChatSessionRepository sessions;
    private final ChatMessageRepository messages;
    private final ChatLines lines;
    private final ChatAgentRepository agents;
    private final ChatSettingsRepository settings;
    private final ChatBroadcast broadcast;
    private final ChatProperties properties;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final TicketDesk tickets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ChatDesk(ChatSessionRepository sessions, ChatMessageRepository messages, ChatLines lines,
            ChatAgentRepository agents, ChatSettingsRepository settings, ChatBroadcast broadcast,
            ChatProperties properties, GameCatalog games, StaffDirectory staff, TicketDesk tickets, Clock clock) {
        this.sessions = sessions;
        this.messages = messages;
        this.lines = lines;
        this.agents = agents;
        this.settings = settings;
        this.broadcast = broadcast;
        this.properties = properties;
        this.games = games;
        this.staff = staff;
        this.tickets = tickets;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the player's side

    /**
     * Starts a chat with the player's first message. A signed identity must be genuine and at
     * most ten minutes old; without one, the game must allow guests ({@code guestName}). Outside
     * service hours the chat is a ticket from the start.
     */
    public ChatStarted start(String gameCode, ChatIdentity identity, String guestName, String clientId, String text) {
        GameInfo game = games.byCode(gameCode == null ? "" : gameCode)
                .orElseThrow(() -> new NotFoundException("game", gameCode));
        ChatSettings rules = settingsOf(game.id());
        boolean guest = identity == null || identity.signature() == null || identity.signature().isBlank();
        if (guest && !rules.guestsAllowed()) {
            throw new ChatRefused("chat.identity.required", "this game's chat needs an identity signed by the game");
        }
        if (!guest) {
            checkSignature(game, rules, identity);
        }
        FieldErrors errors = new FieldErrors();
        String account = guest ? "guest-" + token().substring(0, 12)
                : errors.line("accountId", identity.accountId(), 64, true);
        String nickname = errors.line("nickname", guest ? guestName : identity.nickname(), 100, false);
        String server = guest ? null : errors.line("server", identity.server(), 64, false);
        Integer vip = guest ? null : identity.vipLevel();
        if (vip != null && (vip < 0 || vip > 99)) {
            errors.add("vipLevel", "invalid.range", 0, 99);
        }
        String body = checkBody(text, errors);
        String client = checkClientId(clientId, errors);
        errors.throwIfAny();

        // as stored (microseconds), so that counting the chats ahead in the queue does not count this one
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ChatStatus status = rules.inServiceHours(now) ? ChatStatus.WAITING : ChatStatus.TICKET;
        Map<String, String> metadata = new LinkedHashMap<>();
        if (vip != null) {
            metadata.put("vipLevel", vip.toString());
        }
        metadata.put("chat", guest ? "guest" : "signed");
        Opened opened = tickets.open(new NewTicket(game.id(), new PlayerIdentity(account, nickname, server, null),
                TicketType.CONSULTATION.code(), "chat", null, subject(body), body, null, metadata, true),
                List.of());
        String token = token();
        ChatSession session = new ChatSession(game.id(), opened.ticket().playerId(), account, nickname, vip, server,
                guest, Hashes.sha256(token), status, now);
        session.ticket(opened.ticket().id(), opened.followToken());
        if (status == ChatStatus.TICKET) {
            session.becomeTicketAtStart(now);
        }
        ChatMessage first = new ChatMessage(session.getId(), session.nextSeq(now), client, "player", nickname, body,
                null, now);
        session.transcribed(first.seq());
        sessions.save(session);
        messages.save(first);
        int position = status == ChatStatus.WAITING ? position(session) : 0;
        if (status == ChatStatus.WAITING) {
            queueChanged(game.id());
            offer(session);
        }
        return new ChatStarted(session.view(), token, position, expectedWait(game.id(), position), first.line(),
                followLink(game.code(), opened.followToken()));
    }

    /** The chat a token opens, if the token is genuine. */
    @Transactional(readOnly = true)
    public ChatView authenticate(UUID sessionId, String token) {
        ChatSession session = sessionId == null ? null : sessions.findById(sessionId).orElse(null);
        if (session == null || token == null || token.length() > 100
                || !session.tokenHash().equals(Hashes.sha256(token))) {
            throw new ChatRefused("chat.token.invalid", "this chat does not exist or the token is wrong");
        }
        return session.view();
    }

    @Transactional(readOnly = true)
    public ChatView view(UUID sessionId) {
        return load(sessionId).view();
    }

    /** The messages after {@code after}, in order: what a client missed while it was away. */
    @Transactional(readOnly = true)
    public List<ChatLine> history(UUID sessionId, long after) {
        return messages.findBySessionIdAndSeqGreaterThanOrderBySeqAsc(sessionId, Math.max(0, after),
                Limit.of(HISTORY_MAX)).stream().map(ChatMessage::line).toList();
    }

    /** Where a waiting chat stands in its game's queue (1 = next), and the expected wait in minutes. */
    @Transactional(readOnly = true)
    public int[] queuePosition(UUID sessionId) {
        ChatSession session = load(sessionId);
        if (session.status() != ChatStatus.WAITING) {
            return new int[] { 0, 0 };
        }
        int position = position(session);
        return new int[] { position, expectedWait(session.gameId(), position) };
    }

    /** The follow link of the chat's ticket, for a chat that became a ticket. */
    @Transactional(readOnly = true)
    public String followLink(UUID sessionId) {
        ChatSession session = load(sessionId);
        return followLink(games.get(session.gameId()).code(), session.followToken());
    }

    // ---------------------------------------------------------------- both sides

    /**
     * Stores a message and delivers it. A message already stored under the same client id (a
     * resend after a lost connection) is not stored again; it is delivered again, and the clients
     * drop what they already have by its sequence number.
     */
    public ChatLine post(UUID sessionId, Sender sender, String clientId, String text, Upload image) {
        FieldErrors errors = new FieldErrors();
        String client = checkClientId(clientId, errors);
        String body = image != null && (text == null || text.isBlank()) ? "" : checkBody(text, errors);
        errors.throwIfAny();
        if (image == null) {
            return say(sessionId, sender, client, body);
        }
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(session, sender);
        Optional<ChatMessage> resent = messages.findBySessionIdAndClientId(sessionId, client);
        if (resent.isPresent()) {
            deliver(resent.get().line());
            return resent.get().line();
        }
        if (session.status() == ChatStatus.ENDED) {
            throw new RuleViolation("chat.ended", "this chat has ended");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID imageId = null;
        // an image goes onto the ticket at once, after the lines before it
        transcribe(session);
        Actor actor = sender.player() ? Actor.player(session.playerId(), session.nickname())
                : Actor.agent(sender.staffId(), sender.name());
        var reply = tickets.reply(session.ticketId(), actor, body.isEmpty() ? null : body, List.of(image), null);
        if (!reply.attachments().isEmpty()) {
            imageId = reply.attachments().getFirst().id();
            if (!reply.attachments().getFirst().contentType().startsWith("image/")) {
                throw new RuleViolation("chat.image.type", "only images can be sent in a chat");
            }
        }
        ChatMessage message = new ChatMessage(sessionId, session.nextSeq(now), client,
                side(sender), sender.player() ? session.nickname() : sender.name(), body,
                imageId, now).by(sender.player() ? null : sender.staffId());
        session.transcribed(message.seq());
        messages.save(message);
        deliver(message.line());
        return message.line();
    }

    /** A text line: the path every chat message takes, kept to three statements under the chat's lock. */
    private ChatLine say(UUID sessionId, Sender sender, String client, String body) {
        ChatLines.Head head = lines.lock(sessionId, client).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(sessionId, head.agentId(), sender);
        if (head.resentSeq() != null) {
            ChatLine resent = lines.line(sessionId, head.resentSeq());
            deliver(resent);
            return resent;
        }
        if (head.status() == ChatStatus.ENDED) {
            throw new RuleViolation("chat.ended", "this chat has ended");
        }
        // as stored (microseconds): the line's time is the same live, on reload and on the ticket
        ChatLine line = new ChatLine(sessionId, head.lastSeq() + 1, client, side(sender),
                sender.player() ? head.nickname() : sender.name(), body, null,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        lines.add(line, sender.player() ? null : sender.staffId());
        if (head.status() == ChatStatus.TICKET) {
            // nobody is on the chat: the ticket is where the answer comes from, so it has the line at once
            transcribe(sessionId);
        }
        deliver(line);
        return line;
    }

    /** Who reads up to which message: shown to the other side as read state. */
    public void read(UUID sessionId, Sender sender, long seq) {
        ChatSession session = load(sessionId);
        mayWrite(session, sender);
        session.read(sender.player(), seq);
        broadcast.toChat(sessionId, event("read", "side", side(sender), "seq",
                sender.player() ? session.view().playerRead() : session.view().agentRead()));
    }

    public void typing(UUID sessionId, Sender sender) {
        ChatSession session = load(sessionId);
        mayWrite(session, sender);
        broadcast.now(ChatBroadcast.chat(sessionId), event("typing", "side", side(sender)));
    }

    public ChatView end(UUID sessionId, Sender sender) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(session, sender);
        if (session.status() == ChatStatus.ENDED) {
            return session.view();
        }
        transcribe(session);
        session.end(clock.instant());
        statusChanged(session);
        queueChanged(session.gameId());
        return session.view();
    }

    /** The player's rating once the chat has ended: 1 to 5 and an optional comment, kept on the ticket too. */
    public ChatView rate(UUID sessionId, Integer score, String comment) {
        FieldErrors errors = new FieldErrors();
        if (score == null || score < 1 || score > 5) {
            errors.add("score", "invalid.range", 1, 5);
        }
        String text = errors.text("comment", comment, RATING_COMMENT_MAX, false);
        errors.throwIfAny();
        ChatSession session = load(sessionId);
        session.rate(score, text);
        tickets.note(session.ticketId(), Actor.SYSTEM,
                "Chat rating: " + score + "/5" + (text == null ? "" : "\n" + text), List.of());
        statusChanged(session);
        return session.view();
    }

    // ---------------------------------------------------------------- the agents' side

    /** Takes a waiting chat: the agent must serve the game, be online and have a free seat. */
    public ChatView accept(UUID sessionId, StaffUser agent) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mustServe(agent.member(), session);
        AgentSeat seat = seat(agent.member());
        if (!seat.free()) {
            throw new RuleViolation("chat.accept.no-seat", "set yourself online with a free chat seat first");
        }
        if (session.status() != ChatStatus.WAITING) {
            throw new RuleViolation("chat.accept.taken", "this chat is no longer waiting");
        }
        session.accept(agent.id(), agent.displayName(), clock.instant());
        tickets.assign(session.ticketId(), agent.id(), Actor.agent(agent.id(), agent.displayName()));
        statusChanged(session);
        queueChanged(session.gameId());
        return session.view();
    }

    /** Hands an active chat to another agent who serves the game and has a free seat. */
    public ChatView transfer(UUID sessionId, StaffUser from, UUID toStaffId) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(session, Sender.agent(from));
        StaffMember to = staff.get(toStaffId);
        if (!to.serves(session.gameId())) {
            throw new RuleViolation("chat.transfer.not-serving", "that agent does not serve this game");
        }
        if (!seat(to).free() || to.id().equals(from.id())) {
            throw new RuleViolation("chat.transfer.no-seat", "that agent is not online with a free chat seat");
        }
        session.transfer(to.id(), to.displayName());
        tickets.assign(session.ticketId(), to.id(), Actor.agent(from.id(), from.displayName()));
        statusChanged(session);
        broadcast.toAgent(to.id(), event("transferred", "chat", sessionId.toString()));
        broadcast.toAgent(from.id(), event("transferred", "chat", sessionId.toString()));
        return session.view();
    }

    public AgentSeat setPresence(StaffMember agent, Presence presence, Integer capacity) {
        if (capacity != null && (capacity < 1 || capacity > 20)) {
            new FieldErrors().add("capacity", "invalid.range", 1, 20).throwIfAny();
        }
        Instant now = clock.instant();
        ChatAgent row = agents.findById(agent.id())
                .orElseGet(() -> new ChatAgent(agent.id(), agent.displayName(), Presence.OFFLINE,
                        properties.defaultCapacity(), now));
        row.set(presence == null ? row.presence() : presence, capacity == null ? row.capacity() : capacity, now);
        agents.save(row);
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

    /** The chat of this ticket while it waits or is under way, with its lines not yet on the ticket. */
    @Transactional(readOnly = true)
    public Optional<LiveTail> liveTail(UUID ticketId) {
        return sessions.findFirstByTicketIdAndStatusIn(ticketId, EnumSet.of(ChatStatus.WAITING, ChatStatus.ACTIVE))
                .map(session -> new LiveTail(session.view(), messages.findBySessionIdAndSeqGreaterThanOrderBySeqAsc(
                        session.getId(), session.transcriptSeq(), Limit.of(HISTORY_MAX)).stream()
                        .map(ChatMessage::line).toList()));
    }

    /**
     * Whether the ticket is a chat still waiting or under way: live chat offers and assigns it
     * itself (routing leaves it alone until the chat ends or becomes a ticket).
     */
    @Transactional(readOnly = true)
    public boolean isLiveChat(UUID ticketId) {
        return sessions.existsByTicketIdAndStatusIn(ticketId, List.of(ChatStatus.WAITING, ChatStatus.ACTIVE));
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

    /** Waiting chats of the games the agent serves, oldest first. */
    @Transactional(readOnly = true)
    public List<ChatView> waiting(StaffMember agent) {
        List<ChatSession> found = agent.role().seesAllGames()
                ? sessions.findByStatusOrderByCreatedAtAsc(ChatStatus.WAITING)
                : sessions.findByGameIdInAndStatusOrderByCreatedAtAsc(agent.gameIds(), ChatStatus.WAITING);
        return found.stream().map(ChatSession::view).toList();
    }

    @Transactional(readOnly = true)
    public List<ChatView> active(StaffMember agent) {
        return sessions.findByAgentIdAndStatusOrderByCreatedAtAsc(agent.id(), ChatStatus.ACTIVE).stream()
                .map(ChatSession::view).toList();
    }

    /** Whether the agent may see this chat: it belongs to a game they serve. */
    @Transactional(readOnly = true)
    public boolean mayWatch(StaffMember agent, UUID sessionId) {
        return sessions.findById(sessionId).map(s -> agent.serves(s.gameId())).orElse(false);
    }

    /**
     * Chats nobody took within their game's wait become tickets; their players are told where
     * the answer will come. Safe to run on every node at once: each chat is locked and checked.
     */
    public int expireWaiting() {
        return expireWaiting(clock.instant());
    }

    /** The same as of {@code now}: one look-up per game with waiting chats, then only the chats past its wait. */
    public int expireWaiting(Instant now) {
        int expired = 0;
        for (UUID game : sessions.gamesWith(ChatStatus.WAITING)) {
            Instant before = now.minusSeconds(settingsOf(game).maxWaitSeconds());
            for (UUID id : sessions.idsOf(game, ChatStatus.WAITING, before)) {
                ChatSession session = sessions.lockById(id).orElseThrow();
                if (session.status() == ChatStatus.WAITING) {
                    transcribe(session);
                    session.becomeTicket(now);
                    statusChanged(session);
                    queueChanged(session.gameId());
                    expired++;
                }
            }
        }
        return expired;
    }

    // ---------------------------------------------------------------- the transcript on the ticket

    /**
     * Chats whose latest lines are not on their ticket yet, at most {@code limit}: each line is
     * stored and delivered at once, and the ticket catches up in batches (every couple of
     * seconds, and at once when the chat ends, becomes a ticket or an image is sent).
     */
    @Transactional(readOnly = true)
    public List<UUID> pendingTranscripts(int limit) {
        return sessions.withPendingTranscript(Limit.of(limit));
    }

    /**
     * Chats with a line that has waited {@code playerdesk.chat.transcript-wait} for the ticket,
     * at most {@code limit}, longest waiting first: written in turn, each chat's lines reach its
     * ticket in one batch instead of one write per line.
     */
    @Transactional(readOnly = true)
    public List<UUID> transcriptsDue(int limit) {
        return transcriptsDue(clock.instant(), limit);
    }

    @Transactional(readOnly = true)
    public List<UUID> transcriptsDue(Instant now, int limit) {
        return sessions.transcriptsDue(now.minus(properties.transcriptWait()), Limit.of(limit));
    }

    /** Writes the chat's lines not yet on its ticket there; safe on several nodes at once (the chat is locked). */
    public int transcribe(UUID sessionId) {
        return sessions.lockById(sessionId).map(this::transcribe).orElse(0);
    }

    private int transcribe(ChatSession session) {
        int written = 0;
        while (true) {
            List<ChatMessage> lines = messages.findBySessionIdAndSeqGreaterThanOrderBySeqAsc(session.getId(),
                    session.transcriptSeq(), Limit.of(TRANSCRIPT_BATCH));
            if (lines.isEmpty()) {
                session.transcribed(session.transcriptSeq());
                return written;
            }
            List<TranscriptLine> transcript = new ArrayList<>(lines.size());
            for (ChatMessage line : lines) {
                if (line.imageId() == null) {
                    transcript.add(new TranscriptLine(line.fromPlayer()
                            ? Actor.player(session.playerId(), session.nickname())
                            : Actor.agent(line.authorId(), line.authorName()), line.body(), line.createdAt()));
                }
            }
            tickets.appendTranscript(session.ticketId(), transcript);
            written += transcript.size();
            session.transcribed(lines.getLast().seq());
        }
    }

    // ---------------------------------------------------------------- settings (admins)

    /** A game's settings without its secret: whether one is set is all anyone sees. */
    @Transactional(readOnly = true)
    public ChatRules rules(UUID gameId) {
        ChatSettings s = settingsOf(gameId);
        return new ChatRules(gameId, s.hasSecret(), s.guestsAllowed(), s.hoursFrom(), s.hoursTo(), s.timeZone(),
                s.maxWaitSeconds(), s.closedDays());
    }

    /** Changes a game's chat settings; a blank secret keeps the one stored, and so do the closed days. */
    public ChatRules configure(UUID gameId, String secret, boolean guests, String hoursFrom, String hoursTo,
            String timeZone, Integer maxWaitSeconds) {
        return configure(gameId, secret, guests, hoursFrom, hoursTo, timeZone, maxWaitSeconds, null);
    }

    /**
     * The same with the days the chat is closed all day (holidays): ISO dates (2027-02-17)
     * separated by commas, spaces or new lines, at most {@value #CLOSED_DAYS_MAX}; null keeps
     * those stored, blank clears them.
     */
    public ChatRules configure(UUID gameId, String secret, boolean guests, String hoursFrom, String hoursTo,
            String timeZone, Integer maxWaitSeconds, String closedDays) {
        games.get(gameId);
        FieldErrors errors = new FieldErrors();
        String newSecret = errors.line("secret", secret, 200, false);
        if (newSecret != null && newSecret.length() < 16) {
            errors.add("secret", "invalid.minLength", 16);
        }
        String from = errors.line("hoursFrom", hoursFrom, 5, false);
        String to = errors.line("hoursTo", hoursTo, 5, false);
        if (from != null && !HOUR.matcher(from).matches()) {
            errors.add("hoursFrom", "invalid.time");
        }
        if (to != null && !HOUR.matcher(to).matches()) {
            errors.add("hoursTo", "invalid.time");
        }
        if ((from == null) != (to == null)) {
            errors.add("hoursTo", "invalid.serviceHours");
        }
        String zone = timeZone == null || timeZone.isBlank() ? "Asia/Shanghai" : timeZone.strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add("timeZone", "invalid.timeZone");
        }
        int wait = maxWaitSeconds == null ? ChatSettings.DEFAULT_WAIT_SECONDS : maxWaitSeconds;
        if (wait < 10 || wait > 86400) {
            errors.add("maxWaitSeconds", "invalid.range", 10, 86400);
        }
        SortedSet<LocalDate> closed = closedDays(closedDays, errors);
        errors.throwIfAny();
        ChatSettings row = settings.findById(gameId).orElseGet(() -> new ChatSettings(gameId, clock.instant()));
        row.change(newSecret, guests, from, to, zone, wait, clock.instant());
        row.closeOn(closed);
        settings.save(row);
        return rules(gameId);
    }

    private static SortedSet<LocalDate> closedDays(String text, FieldErrors errors) {
        if (text == null) {
            return null;
        }
        SortedSet<LocalDate> days = new TreeSet<>();
        for (String part : text.strip().split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(part));
            } catch (java.time.format.DateTimeParseException e) {
                errors.add("closedDays", "invalid.date", Texts.abbreviate(part, 20));
                return null;
            }
        }
        if (days.size() > CLOSED_DAYS_MAX) {
            errors.add("closedDays", "invalid.tooMany", CLOSED_DAYS_MAX);
        }
        return days;
    }

    /** Signs an identity with the game's secret: for the demo page only, never for real players. */
    @Transactional(readOnly = true)
    public Optional<ChatIdentity> signForDemo(UUID gameId, ChatIdentity identity) {
        return settings.findById(gameId).filter(ChatSettings::hasSecret).map(s -> identity.signedWith(s.secret()));
    }

    // ---------------------------------------------------------------- inside

    private void checkSignature(GameInfo game, ChatSettings rules, ChatIdentity identity) {
        if (!rules.hasSecret() || !identity.signedBy(rules.secret()) || !game.code().equals(identity.game())) {
            throw new ChatRefused("chat.identity.invalid", "the identity's signature is not the game's");
        }
        Instant signedAt = Instant.ofEpochSecond(identity.timestamp() == null ? 0 : identity.timestamp());
        Duration age = Duration.between(signedAt, clock.instant()).abs();
        if (age.compareTo(properties.identityMaxAge()) > 0) {
            throw new ChatRefused("chat.identity.stale", "the identity was signed too long ago; sign it again");
        }
    }

    private void mayWrite(ChatSession session, Sender sender) {
        mayWrite(session.getId(), session.agentId(), sender);
    }

    private static void mayWrite(UUID sessionId, UUID agentId, Sender sender) {
        boolean allowed = sender.player() ? sessionId.equals(sender.sessionId())
                : sender.staffId() != null && sender.staffId().equals(agentId);
        if (!allowed) {
            throw new ChatRefused("chat.not-yours", "this chat is not yours");
        }
    }

    private void mustServe(StaffMember agent, ChatSession session) {
        if (!agent.serves(session.gameId())) {
            throw new NotFoundException("chat", session.getId());
        }
    }

    private String checkBody(String text, FieldErrors errors) {
        return errors.text("message", text, properties.messageMax(), true);
    }

    private static String checkClientId(String clientId, FieldErrors errors) {
        if (clientId == null || !CLIENT_ID.matcher(clientId).matches()) {
            errors.add("clientId", "invalid.clientId");
            return null;
        }
        return clientId;
    }

    private void deliver(ChatLine line) {
        broadcast.toChat(line.sessionId(), event("message", "line", line));
    }

    private void statusChanged(ChatSession session) {
        ChatView view = session.view();
        Map<String, Object> event = event("status", "status", view.status().code());
        if (view.agentName() != null) {
            event.put("agent", view.agentName());
        }
        if (view.rating() != null) {
            event.put("rating", view.rating());
        }
        if (view.status() == ChatStatus.TICKET) {
            event.put("followLink", followLink(games.get(session.gameId()).code(), session.followToken()));
        }
        broadcast.toChat(session.getId(), event);
    }

    private void queueChanged(UUID gameId) {
        broadcast.toQueue(gameId, event("queue", "game", gameId.toString()));
    }

    /** Offers a new chat to each online agent of the game with a free seat. */
    private void offer(ChatSession session) {
        for (AgentSeat seat : online(session.gameId())) {
            if (seat.free()) {
                broadcast.toAgent(seat.staffId(), event("offer", "chat", session.getId().toString()));
            }
        }
    }

    private int position(ChatSession session) {
        return (int) sessions.countByGameIdAndStatusAndCreatedAtBefore(session.gameId(), ChatStatus.WAITING,
                session.createdAt()) + 1;
    }

    private int expectedWait(UUID gameId, int position) {
        if (position <= 0) {
            return 0;
        }
        long free = online(gameId).stream().filter(AgentSeat::free).count();
        return (int) Math.ceil((double) position * properties.minutesPerChat() / Math.max(1, free));
    }

    private AgentSeat seatOf(ChatAgent row) {
        int active = (int) sessions.countByAgentIdAndStatus(row.staffId(), ChatStatus.ACTIVE);
        return new AgentSeat(row.staffId(), row.displayName(), row.presence(), row.capacity(), active);
    }

    private Set<UUID> gamesOf(StaffMember agent) {
        return agent.role().seesAllGames() ? Set.copyOf(games.all().stream().map(GameInfo::id).toList())
                : agent.gameIds();
    }

    private ChatSettings settingsOf(UUID gameId) {
        return settings.findById(gameId).orElseGet(() -> ChatSettings.defaults(gameId));
    }

    private ChatSession load(UUID sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
    }

    private static String side(Sender sender) {
        return sender.player() ? "player" : "agent";
    }

    private static String followLink(String game, String token) {
        return token == null ? null : "/help/" + game + "/t/" + token;
    }

    private static String subject(String body) {
        String line = body.strip().lines().findFirst().orElse("");
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private String token() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Map<String, Object> event(String type, Object... pairs) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        for (int i = 0; i < pairs.length; i += 2) {
            event.put((String) pairs[i], pairs[i + 1]);
        }
        return event;
    }
}
