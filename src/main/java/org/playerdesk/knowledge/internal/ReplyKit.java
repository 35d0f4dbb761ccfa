package org.playerdesk.knowledge.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ReplyStage;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.Codes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An agent's reply kit per game: canned replies (标准话术) grouped as greeting, inquiry, reply and
 * closing; macros; and the forbidden phrases (服务忌语) the reply box warns about. A new game
 * gets the defaults written from the standard phrases of game customer service.
 */
@Service
@Transactional
public class ReplyKit {

    static final int PHRASES_MAX = 200;
    static final int MACRO_NAME_MAX = 80;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");

    private final CannedReplyRepository replies;
    private final ForbiddenPhraseRepository phrases;
    private final MacroRepository macros;
    private final PlayerDirectory players;
    private final GameCatalog games;
    private final TicketDesk desk;
    private final Clock clock;
    private final InputValidation validation;

    ReplyKit(CannedReplyRepository replies, ForbiddenPhraseRepository phrases, MacroRepository macros,
            PlayerDirectory players, GameCatalog games, TicketDesk desk, Clock clock, InputValidation validation) {
        this.replies = replies;
        this.phrases = phrases;
        this.macros = macros;
        this.players = players;
        this.games = games;
        this.desk = desk;
        this.clock = clock;
        this.validation = validation;
    }

    /** The values of a canned reply's variables on this ticket, answered by this agent. */
    @Transactional(readOnly = true)
    public ReplyVariables variables(TicketView ticket, String agentName) {
        return variables(ticket, players.get(ticket.playerId()), games.get(ticket.gameId()).name(), agentName);
    }

    /** The variables of a ticket whose player and game the caller has read already. */
    public static ReplyVariables variables(TicketView ticket, PlayerSummary player, String gameName, String agentName) {
        return ReplyVariables.of(player.nickname(), player.accountId(), player.server(), player.role(), agentName,
                ticket.number(), gameName);
    }

    /**
     * Applies a macro to a ticket in one transaction: the reply (variables filled in), then the
     * status, type, priority and tags it sets. If the ticket's rules refuse one step, nothing is done.
     */
    public void apply(UUID macroId, TicketView ticket, Actor agent) {
        Macro macro = macro(macroId);
        if (!macro.gameId().equals(ticket.gameId())) {
            throw new NotFoundException("macro", macroId);
        }
        String text = variables(ticket, agent.name()).fill(macro.reply());
        TicketStatus then = macro.status() == null ? null : Coded.fromCode(TicketStatus.class, macro.status());
        desk.reply(ticket.id(), agent, text, List.of(), then);
        if (macro.type() != null) {
            desk.retype(ticket.id(), Coded.fromCode(TicketType.class, macro.type()), agent);
        }
        if (macro.priority() != null) {
            desk.prioritize(ticket.id(), Coded.fromCode(TicketPriority.class, macro.priority()), agent);
        }
        macro.tags().forEach(tag -> desk.tag(ticket.id(), tag, agent));
    }

    @Transactional(readOnly = true)
    public List<CannedReply> replies(UUID gameId) {
        return replies.findByGameIdOrderByStageAscTitleAsc(gameId);
    }

    @Transactional(readOnly = true)
    public List<ForbiddenPhrase> forbidden(UUID gameId) {
        return phrases.findByGameIdOrderByPhraseAsc(gameId);
    }

    @Transactional(readOnly = true)
    public List<Macro> macros(UUID gameId) {
        return macros.findByGameIdOrderByNameAsc(gameId);
    }

    @Transactional(readOnly = true)
    public Macro macro(UUID id) {
        return macros.findById(id).orElseThrow(() -> new NotFoundException("macro", id));
    }

    @Transactional(readOnly = true)
    public CannedReply reply(UUID id) {
        return replies.findById(id).orElseThrow(() -> new NotFoundException("canned reply", id));
    }

    /** A canned reply's words: a title on one line and a text, without the blanks around them. */
    record ReplyText(
            @NotBlank(message = "{invalid.blank}") @Size(max = CannedReply.TITLE_MAX, message = "{invalid.tooLong}")
            @SingleLine String title,
            @NotBlank(message = "{invalid.blank}") @Size(max = CannedReply.BODY_MAX, message = "{invalid.tooLong}")
            @PlainText String body) {
    }

    /** A canned reply as checked: the stage it is used at and its words. */
    private record CheckedReply(ReplyStage stage, String title, String body) {
    }

    public CannedReply addReply(UUID gameId, String locale, String stage, String title, String body) {
        CheckedReply checked = checkedReply(stage, title, body);
        return replies.save(new CannedReply(gameId, Locales.tag(Locales.supported(locale)), checked.stage(),
                checked.title(), checked.body(), clock.instant()));
    }

    /** Changes a canned reply's language, stage, title and text, checked as when it was added. */
    public CannedReply changeReply(UUID id, String locale, String stage, String title, String body) {
        CannedReply reply = reply(id);
        CheckedReply checked = checkedReply(stage, title, body);
        reply.change(Locales.tag(Locales.supported(locale)), checked.stage(), checked.title(), checked.body(),
                clock.instant());
        return reply;
    }

    private CheckedReply checkedReply(String stage, String title, String body) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        ReplyStage checkedStage = Codes.read("stage", stage, ReplyStage.class, null, errors);
        ReplyText text = new ReplyText(tidy(title), tidy(body));
        errors.addAll(validation.errors(text));
        throwIfAny(errors);
        return new CheckedReply(checkedStage, text.title(), text.body());
    }

    public void removeReply(UUID id) {
        replies.delete(reply(id));
    }

    public Macro addMacro(UUID gameId, String name, String reply, String status, String type, String priority,
            String tags) {
        Macro checked = checkedMacro(gameId, name, reply, status, type, priority, tags);
        return macros.save(checked);
    }

    /** Changes every part of a macro, checked as when it was added. */
    public Macro changeMacro(UUID id, String name, String reply, String status, String type, String priority,
            String tags) {
        Macro macro = macro(id);
        macro.change(checkedMacro(macro.gameId(), name, reply, status, type, priority, tags), clock.instant());
        return macro;
    }

    /** A macro's name on one line and the reply it sends, without the blanks around them. */
    record MacroText(
            @NotBlank(message = "{invalid.blank}") @Size(max = MACRO_NAME_MAX, message = "{invalid.tooLong}")
            @SingleLine String name,
            @NotBlank(message = "{invalid.blank}") @Size(max = CannedReply.BODY_MAX, message = "{invalid.tooLong}")
            @PlainText String reply) {
    }

    private Macro checkedMacro(UUID gameId, String name, String reply, String status, String type, String priority,
            String tags) {
        MacroText text = new MacroText(tidy(name), tidy(reply));
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(text));
        TicketStatus checkedStatus = optional(errors, "status", status, TicketStatus.class);
        TicketType checkedType = optional(errors, "type", type, TicketType.class);
        TicketPriority checkedPriority = optional(errors, "priority", priority, TicketPriority.class);
        // the tags are a list typed as text, read here
        List<String> checkedTags = new ArrayList<>();
        for (String tag : tags == null ? new String[0] : tags.strip().split("[\\s,，]+")) {
            String normal = tag.toLowerCase(Locale.ROOT);
            if (normal.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(normal).matches()) {
                errors.add(new InvalidInput.FieldError("tags", "invalid.tag", 40));
            } else if (!checkedTags.contains(normal)) {
                checkedTags.add(normal);
            }
        }
        if (String.join(" ", checkedTags).length() > 200) {
            errors.add(new InvalidInput.FieldError("tags", "invalid.tooManyTags"));
        }
        throwIfAny(errors);
        return new Macro(gameId, text.name(), text.reply(), code(checkedStatus), code(checkedType),
                code(checkedPriority), checkedTags, clock.instant());
    }

    public void removeMacro(UUID id) {
        macros.delete(macro(id));
    }

    /** The forbidden phrases as an admin edits them: one per line, {@code =} in front of a bare one. */
    @Transactional(readOnly = true)
    public String forbiddenAsText(UUID gameId) {
        return String.join("\n", forbidden(gameId).stream().map(p -> (p.bare() ? "=" : "") + p.phrase()).toList());
    }

    public void replaceForbidden(UUID gameId, String text) {
        Map<String, Boolean> parsed = new LinkedHashMap<>();
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            String phrase = line.strip();
            boolean bare = phrase.startsWith("=");
            phrase = (bare ? phrase.substring(1) : phrase).strip();
            if (phrase.isEmpty()) {
                continue;
            }
            if (phrase.length() > ForbiddenPhrase.PHRASE_MAX) {
                errors.add(new InvalidInput.FieldError("phrases", "invalid.phrase", ForbiddenPhrase.PHRASE_MAX));
            }
            parsed.putIfAbsent(phrase, bare);
        }
        if (parsed.size() > PHRASES_MAX) {
            errors.add(new InvalidInput.FieldError("phrases", "invalid.tooMany", PHRASES_MAX));
        }
        throwIfAny(errors);
        phrases.deleteByGameId(gameId);
        phrases.flush();
        parsed.forEach((phrase, bare) -> phrases.save(new ForbiddenPhrase(gameId, phrase, bare)));
    }

    /** The forbidden phrases a reply contains. */
    @Transactional(readOnly = true)
    public List<String> check(UUID gameId, String reply) {
        return ForbiddenPhrases.found(reply, forbidden(gameId));
    }

    /**
     * Gives a game the default canned replies, forbidden phrases and macros (in the game's default
     * language), unless it has some already.
     */
    public void giveDefaults(GameInfo game) {
        UUID gameId = game.id();
        if (!replies.existsByGameId(gameId)) {
            DefaultReplyKit.REPLIES.forEach(r -> replies.save(new CannedReply(gameId, r.locale(), r.stage(), r.title(),
                    r.body(), clock.instant())));
        }
        if (!phrases.existsByGameId(gameId)) {
            DefaultReplyKit.FORBIDDEN.forEach((phrase, bare) -> phrases.save(new ForbiddenPhrase(gameId, phrase, bare)));
        }
        if (!macros.existsByGameId(gameId)) {
            DefaultReplyKit.macros(game.defaultLocale()).forEach(m -> macros.save(new Macro(gameId, m.name(), m.reply(),
                    m.status(), m.type(), null, m.tags(), clock.instant())));
        }
    }

    /** A field a macro may leave alone: blank means "as it is". */
    private static <E extends Enum<E> & Coded> E optional(List<InvalidInput.FieldError> errors, String field,
            String value, Class<E> type) {
        return value == null || value.isBlank() ? null : Codes.read(field, value, type, null, errors);
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void throwIfAny(List<InvalidInput.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static String code(Coded coded) {
        return coded == null ? null : coded.code();
    }
}
