package org.playerdesk.chat;

import static org.playerdesk.chat.internal.ChatSignals.event;

import java.lang.reflect.RecordComponent;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.StaffMember;
import org.playerdesk.chat.internal.BotOffer;
import org.playerdesk.chat.internal.BotOffers;
import org.playerdesk.chat.internal.ChatBroadcast;
import org.playerdesk.chat.internal.ChatLines;
import org.playerdesk.chat.internal.ChatMessage;
import org.playerdesk.chat.internal.ChatMessageRepository;
import org.playerdesk.chat.internal.ChatProperties;
import org.playerdesk.chat.internal.ChatSession;
import org.playerdesk.chat.internal.ChatSessionRepository;
import org.playerdesk.chat.internal.ChatSettings;
import org.playerdesk.chat.internal.ChatSignals;
import org.playerdesk.chat.internal.ChatTranscripts;
import org.playerdesk.chat.internal.EndQuestion;
import org.playerdesk.chat.internal.IdentityCheck;
import org.playerdesk.chat.internal.LineChecks;
import org.playerdesk.chat.internal.LineFindings;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.player.PlayerIdentity;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.hibernate.validator.constraints.Range;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.NewTicket;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.ReplyReview;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.Upload;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A chat between a player and support, from its first message to its rating: starting it, what
 * both sides say and read, ending it. Each message is stored, numbered and written to the chat's
 * ticket in one transaction, and only then delivered to both sides. Waiting chats are
 * {@link ChatQueue}'s, the agents' presence and seats {@link ChatSeats}', each game's rules
 * {@link ChatRulebook}'s.
 */
@Service
@Transactional
public class ChatDesk {

    public static final int HISTORY_MAX = 500;
    public static final int RATING_COMMENT_MAX = 1000;
    private static final String CLIENT_ID = "[A-Za-z0-9_.:-]{1,64}";

    private final ChatSessionRepository sessions;
    private final ChatMessageRepository messages;
    private final ChatLines lines;
    private final ChatBroadcast broadcast;
    private final ChatProperties properties;
    private final GameCatalog games;
    private final TicketDesk tickets;
    private final ChatQueue queue;
    private final ChatRulebook rulebook;
    private final IdentityCheck identities;
    private final ChatTranscripts transcripts;
    private final ChatSignals signals;
    private final LineChecks checks;
    private final EndQuestion endQuestion;
    private final BotOffers botOffers;
    private final TransactionTemplate opening;
    private final Clock clock;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    ChatDesk(ChatSessionRepository sessions, ChatMessageRepository messages, ChatLines lines, ChatBroadcast broadcast,
            ChatProperties properties, GameCatalog games, TicketDesk tickets, ChatQueue queue, ChatRulebook rulebook,
            IdentityCheck identities, ChatTranscripts transcripts, ChatSignals signals, LineChecks checks,
            EndQuestion endQuestion, BotOffers botOffers, PlatformTransactionManager transactions, Clock clock,
            InputValidation validation, ApplicationEventPublisher events) {
        this.botOffers = botOffers;
        this.opening = new TransactionTemplate(transactions);
        this.checks = checks;
        this.endQuestion = endQuestion;
        this.validation = validation;
        this.events = events;
        this.sessions = sessions;
        this.messages = messages;
        this.lines = lines;
        this.broadcast = broadcast;
        this.properties = properties;
        this.games = games;
        this.tickets = tickets;
        this.queue = queue;
        this.rulebook = rulebook;
        this.identities = identities;
        this.transcripts = transcripts;
        this.signals = signals;
        this.clock = clock;
    }

    /**
     * Starts a chat with the player's first message. A signed identity must be genuine and at
     * most ten minutes old; without one, the game must allow guests ({@code guestName}). Outside
     * service hours the chat is a ticket from the start. In service hours the bot may answer the
     * message first ({@link ChatBot}): then the chat waits for the player's word on the answer
     * before it joins the queue. The bot is asked before the chat's transaction, so that nothing it
     * does can lose the player's message or keep the chat from the queue.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ChatStarted start(String gameCode, ChatIdentity identity, String guestName, String clientId, String text) {
        GameInfo game = games.byCode(gameCode == null ? "" : gameCode)
                .orElseThrow(() -> new NotFoundException("game", gameCode));
        ChatSettings rules = settingsOf(game.id());
        boolean guest = identity == null || identity.signature() == null || identity.signature().isBlank();
        if (guest && !rules.guestsAllowed()) {
            throw new ChatRefused("chat.identity.required", "this game's chat needs an identity signed by the game");
        }
        if (!guest) {
            // genuine and recent, before the bot is asked; its use is recorded with the chat
            identities.verify(game, rules, identity);
        }
        String account = guest ? "guest-" + token().substring(0, 12) : tidy(identity.accountId());
        String nickname = tidy(guest ? guestName : identity.nickname());
        String server = guest ? null : tidy(identity.server());
        Integer vip = guest ? null : identity.vipLevel();
        String body = tidy(text);
        String client = clientId;
        List<InvalidInput.FieldError> errors = new ArrayList<>(
                validation.errors(new Opening(account, nickname, server, vip, body, client)));
        checkLength(body, errors);
        throwIfAny(errors, Opening.class);

        Optional<ChatBot.Answer> answer = rules.inServiceHours(clock.instant()) ? botOffers.ask(game.id(), body)
                : Optional.empty();
        return opening.execute(tx -> open(game, rules, identity, guest, account, nickname, server, vip, body, client,
                answer.orElse(null)));
    }

    private ChatStarted open(GameInfo game, ChatSettings rules, ChatIdentity identity, boolean guest, String account,
            String nickname, String server, Integer vip, String body, String client, ChatBot.Answer answer) {
        if (!guest) {
            checkSignature(game, rules, identity);
        }
        // as stored (microseconds), so that counting the chats ahead in the queue does not count this one
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ChatStatus status = !rules.inServiceHours(now) ? ChatStatus.TICKET
                : answer != null ? ChatStatus.BOT : ChatStatus.WAITING;
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
        if (status == ChatStatus.BOT) {
            botOffers.offer(session.getId(), answer, now);
        }
        events.publishEvent(new ChatEvents.ChatOpened(session.getId(), game.id(), status == ChatStatus.WAITING, now));
        int position = status == ChatStatus.WAITING ? position(session) : 0;
        if (status == ChatStatus.WAITING) {
            queueChanged(game.id());
            offer(session);
        }
        return new ChatStarted(session.view(), token, position, expectedWait(game.id(), position), first.line(),
                followLink(game.code(), opened.followToken()), status == ChatStatus.BOT ? answer : null);
    }

    /** The bot's answer in this chat and what became of it, if the bot offered one. */
    @Transactional(readOnly = true)
    public Optional<ChatBot.Offer> botOffer(UUID sessionId) {
        return botOffers.find(sessionId);
    }

    /**
     * The player's word on the bot's answer: solved ends the chat and closes its ticket as the
     * bot's deflection, so no agent is asked; otherwise the chat joins the queue, and the agent who
     * takes it sees what the bot offered. Refused when the bot offered nothing in this chat, or the
     * player has answered already.
     */
    public ChatView answerBot(UUID sessionId, boolean solved) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        BotOffer offer = botOffers.open(sessionId);
        if (session.status() != ChatStatus.BOT) {
            throw new RuleViolation("chat.bot.answered", "the bot's answer in this chat has been answered already");
        }
        Instant now = clock.instant();
        if (!solved) {
            queue.handOverFromBot(session, offer, ChatBot.Offer.AGENT, now);
            return session.view();
        }
        transcribe(session);
        offer.settle(ChatBot.Offer.SOLVED, now);
        botOffers.solved(session.ticketId(), offer, Actor.player(session.playerId(), session.playerName()));
        session.end(now);
        ChatBot.Answer answer = offer.answer();
        events.publishEvent(new ChatEvents.ChatBotOutcome(sessionId, session.gameId(), session.ticketId(),
                answer.articleId(), answer.title(), answer.confidence(), ChatBot.Offer.SOLVED, now));
        statusChanged(session);
        return session.view();
    }

    /** The player wrote again while the bot's answer waited for their word: the chat joins the queue. */
    private void wroteAfterBot(UUID sessionId) {
        ChatSession session = load(sessionId);
        if (session.status() == ChatStatus.BOT) {
            queue.handOverFromBot(session, botOffers.open(sessionId), ChatBot.Offer.WROTE, clock.instant());
        }
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

    /**
     * Stores a message and delivers it. A message already stored under the same client id (a
     * resend after a lost connection) is not stored again; it is delivered again, and the clients
     * drop what they already have by its sequence number.
     */
    public ChatLine post(UUID sessionId, Sender sender, String clientId, String text, Upload image) {
        String client = clientId;
        boolean imageAlone = image != null && (text == null || text.isBlank());
        String body = imageAlone ? "" : tidy(text);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new Said(client, body)).stream()
                .filter(e -> !(imageAlone && e.field().equals("message"))).toList());
        checkLength(body, errors);
        throwIfAny(errors, Said.class);
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
        Actor actor = sender.player() ? Actor.player(session.playerId(), session.playerName())
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
        if (sender.player() && session.status() == ChatStatus.BOT) {
            queue.handOverFromBot(session, botOffers.open(sessionId), ChatBot.Offer.WROTE, now);
        }
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
        // an agent's line is checked before it is stored: a finding that blocks refuses it
        String findings = sender.player() ? null : LineFindings.encode(checks.check(head, sender, body));
        // as stored (microseconds): the line's time is the same live, on reload and on the ticket
        ChatLine line = new ChatLine(sessionId, head.lastSeq() + 1, client, side(sender),
                sender.player() ? head.nickname() : sender.name(), body, null,
                clock.instant().truncatedTo(ChronoUnit.MICROS));
        lines.add(line, sender.player() ? null : sender.staffId(), findings);
        if (head.status() == ChatStatus.TICKET) {
            // nobody is on the chat: the ticket is where the answer comes from, so it has the line at once
            transcribe(sessionId);
        }
        deliver(line);
        if (head.status() == ChatStatus.BOT && sender.player()) {
            wroteAfterBot(sessionId);
        }
        return line;
    }

    /**
     * What the reply checks would find in an agent's draft, were it sent now (the console shows it
     * while the agent types); nothing is written.
     */
    @Transactional(readOnly = true)
    public List<ReplyReview.Finding> checkDraft(UUID sessionId, Sender sender, String text) {
        ChatSession session = load(sessionId);
        mayWrite(session, sender);
        return checks.draft(sessionId, sender, text);
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
        if (sender.player()) {
            // an agent's line before the player's next one interrupts them (the reply checks)
            lines.playerTyping(sessionId, clock.instant());
        }
        broadcast.now(ChatBroadcast.chat(sessionId), event("typing", "side", side(sender)));
    }

    public ChatView end(UUID sessionId, Sender sender) {
        ChatSession session = sessions.lockById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
        mayWrite(session, sender);
        if (session.status() == ChatStatus.ENDED) {
            return session.view();
        }
        if (!sender.player() && session.status() == ChatStatus.ACTIVE) {
            // the agent ends it: their last line should have closed the conversation
            checks.ended(sessionId, sender, session.transcriptSeq());
        }
        transcribe(session);
        ChatStatus was = session.status();
        Instant now = clock.instant();
        session.end(now);
        if (was == ChatStatus.BOT) {
            // the player left with the bot's answer: no agent was asked, so neither answered nor abandoned
            BotOffer offer = botOffers.open(sessionId);
            offer.settle(ChatBot.Offer.LEFT, now);
            ChatBot.Answer answer = offer.answer();
            events.publishEvent(new ChatEvents.ChatBotOutcome(sessionId, session.gameId(), session.ticketId(),
                    answer.articleId(), answer.title(), answer.confidence(), ChatBot.Offer.LEFT, now));
        } else if (was == ChatStatus.WAITING) {
            // only the player can end a chat nobody took yet: they left
            events.publishEvent(new ChatEvents.ChatAbandoned(sessionId, session.gameId(), false,
                    seconds(session.createdAt(), now), now));
        } else if (was == ChatStatus.ACTIVE) {
            events.publishEvent(new ChatEvents.ChatEnded(sessionId, session.gameId(), session.agentId(),
                    seconds(session.heldSince(), now), now));
        }
        statusChanged(session);
        queueChanged(session.gameId());
        return session.view();
    }

    /**
     * What the chat's game asks the player once the chat has ended, in the player's language
     * ({@link ChatSurvey}); empty when the game's surveys do not ask at the end of a live chat.
     */
    @Transactional(readOnly = true)
    public Optional<ChatSurvey.Question> endQuestion(UUID sessionId, Locale locale) {
        return endQuestion.of(load(sessionId).gameId(), locale);
    }

    /**
     * The player's rating once the chat has ended: 1 to 5, an optional comment and the reasons the
     * game offers that the player ticked, kept on the ticket too. Refused when the game does not ask
     * at the end of its chats; every bad field at once.
     */
    public ChatView rate(UUID sessionId, Integer score, String comment, List<String> reasons) {
        String text = tidy(comment);
        List<String> ticked = reasons == null ? List.of()
                : reasons.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).distinct().toList();
        ChatSession session = load(sessionId);
        ChatSurvey.Question question = endQuestion.of(session.gameId(), Locale.ROOT)
                .orElseThrow(() -> new RuleViolation("chat.rate.not-asked", "this game does not ask after a chat"));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(new Rating(score, text, ticked)));
        if (score == null) {
            errors.add(new InvalidInput.FieldError("score", "invalid.range", 1, 5));
        }
        if (ticked.stream().anyMatch(code -> !question.offers(code))) {
            errors.add(new InvalidInput.FieldError("reasons", "invalid.oneOf",
                    String.join(", ", question.reasons().stream().map(ChatSurvey.Reason::code).toList())));
        }
        throwIfAny(errors, Rating.class);
        session.rate(score, text);
        events.publishEvent(new ChatEvents.ChatRated(sessionId, session.gameId(), session.agentId(), score,
                clock.instant(), session.ticketId(), text, ticked));
        tickets.note(session.ticketId(), Actor.SYSTEM,
                "Chat rating: " + score + "/5" + (text == null ? "" : "\n" + text), List.of());
        statusChanged(session);
        return session.view();
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
     * Whether the ticket is a chat still waiting (for the player's word on the bot's answer, or in
     * the queue) or under way: live chat offers and assigns it itself (routing leaves it alone until the chat ends or becomes a ticket).
     */
    @Transactional(readOnly = true)
    public boolean isLiveChat(UUID ticketId) {
        return sessions.existsByTicketIdAndStatusIn(ticketId,
                List.of(ChatStatus.BOT, ChatStatus.WAITING, ChatStatus.ACTIVE));
    }

    /** Whether the agent may see this chat: it belongs to a game they serve. */
    @Transactional(readOnly = true)
    public boolean mayWatch(StaffMember agent, UUID sessionId) {
        return sessions.findById(sessionId).map(s -> agent.serves(s.gameId())).orElse(false);
    }

    static void mayWrite(ChatSession session, Sender sender) {
        mayWrite(session.getId(), session.agentId(), sender);
    }

    static void mayWrite(UUID sessionId, UUID agentId, Sender sender) {
        boolean allowed = sender.player() ? sessionId.equals(sender.sessionId())
                : sender.staffId() != null && sender.staffId().equals(agentId);
        if (!allowed) {
            throw new ChatRefused("chat.not-yours", "this chat is not yours");
        }
    }

    /** A chat as a player opens it: who they are (a guest has a made-up account), the first message. */
    record Opening(
            @NotBlank(message = "{invalid.blank}") @Size(max = 64, message = "{invalid.tooLong}") @SingleLine
            String accountId,
            @Size(max = 100, message = "{invalid.tooLong}") @SingleLine String nickname,
            @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String server,
            @Range(min = 0, max = 99, message = "{invalid.range.between}") Integer vipLevel,
            @NotBlank(message = "{invalid.blank}") @PlainText String message,
            @NotNull(message = "{invalid.clientId}") @Pattern(regexp = CLIENT_ID, message = "{invalid.clientId}")
            String clientId) {
    }

    /** A message said in a chat; an image may come without words (then the message is empty). */
    record Said(
            @NotNull(message = "{invalid.clientId}") @Pattern(regexp = CLIENT_ID, message = "{invalid.clientId}")
            String clientId,
            @NotBlank(message = "{invalid.blank}") @PlainText String message) {
    }

    /** The player's rating: a score of 1 to 5, an optional comment and the reasons ticked. */
    record Rating(
            @Range(min = 1, max = 5, message = "{invalid.range.between}") Integer score,
            @Size(max = RATING_COMMENT_MAX, message = "{invalid.tooLong}") @PlainText String comment,
            @Size(max = 10, message = "{invalid.tooMany}") List<String> reasons) {
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    // how long a message may be is configured, so it is checked here rather than by a constraint
    private void checkLength(String body, List<InvalidInput.FieldError> errors) {
        if (body != null && body.length() > properties.messageMax()) {
            errors.add(new InvalidInput.FieldError("message", "invalid.tooLong", properties.messageMax()));
        }
    }

    /** Every bad field at once, in the order the command declares its fields. */
    private static void throwIfAny(List<InvalidInput.FieldError> errors, Class<? extends Record> command) {
        if (!errors.isEmpty()) {
            List<String> order = Arrays.stream(command.getRecordComponents()).map(RecordComponent::getName).toList();
            errors.sort(java.util.Comparator.comparingInt(e -> order.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
    }

    private ChatSession load(UUID sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new NotFoundException("chat", sessionId));
    }

    /** Whole seconds from one moment to a later one; never negative. */
    static long seconds(Instant from, Instant to) {
        return from == null || !to.isAfter(from) ? 0 : java.time.Duration.between(from, to).getSeconds();
    }

    private static String side(Sender sender) {
        return sender.player() ? "player" : "agent";
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

    // ---------------------------------------------------------------- kept elsewhere

    private ChatSettings settingsOf(UUID gameId) {
        return rulebook.settingsOf(gameId);
    }

    private void checkSignature(GameInfo game, ChatSettings rules, ChatIdentity identity) {
        identities.checkSignature(game, rules, identity);
    }

    private int position(ChatSession session) {
        return queue.position(session);
    }

    private int expectedWait(UUID gameId, int position) {
        return queue.expectedWait(gameId, position);
    }

    private void offer(ChatSession session) {
        queue.offer(session);
    }

    private int transcribe(UUID sessionId) {
        return transcripts.transcribe(sessionId);
    }

    private int transcribe(ChatSession session) {
        return transcripts.transcribe(session);
    }

    private void deliver(ChatLine line) {
        signals.deliver(line);
    }

    private void statusChanged(ChatSession session) {
        signals.statusChanged(session);
    }

    private void queueChanged(UUID gameId) {
        signals.queueChanged(gameId);
    }

    private static String followLink(String game, String token) {
        return ChatSignals.followLink(game, token);
    }
}
