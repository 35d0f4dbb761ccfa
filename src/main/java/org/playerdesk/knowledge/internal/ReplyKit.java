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
import org.playerdesk.knowledge.ReplyStage;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.player.PlayerSummary;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    ReplyKit(CannedReplyRepository replies, ForbiddenPhraseRepository phrases, MacroRepository macros,
            PlayerDirectory players, GameCatalog games, TicketDesk desk, Clock clock) {
        this.replies = replies;
        this.phrases = phrases;
        this.macros = macros;
        this.players = players;
        this.games = games;
        this.desk = desk;
        this.clock = clock;
    }

    /** The values of a canned reply's variables on this ticket, answered by this agent. */
    @Transactional(readOnly = true)
    public ReplyVariables variables(TicketView ticket, String agentName) {
        PlayerSummary player = players.get(ticket.playerId());
        return ReplyVariables.of(player.nickname(), player.accountId(), player.server(), player.role(), agentName,
                ticket.number(), games.get(ticket.gameId()).name());
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

    public CannedReply addReply(UUID gameId, String locale, String stage, String title, String body) {
        FieldErrors errors = new FieldErrors();
        ReplyStage checkedStage = errors.code("stage", stage, ReplyStage.class, null);
        String checkedTitle = errors.line("title", title, CannedReply.TITLE_MAX, true);
        String checkedBody = errors.text("body", body, CannedReply.BODY_MAX, true);
        errors.throwIfAny();
        return replies.save(new CannedReply(gameId, Locales.tag(Locales.supported(locale)), checkedStage,
                checkedTitle, checkedBody, clock.instant()));
    }

    /** Changes a canned reply's language, stage, title and text, checked as when it was added. */
    public CannedReply changeReply(UUID id, String locale, String stage, String title, String body) {
        CannedReply reply = reply(id);
        FieldErrors errors = new FieldErrors();
        ReplyStage checkedStage = errors.code("stage", stage, ReplyStage.class, null);
        String checkedTitle = errors.line("title", title, CannedReply.TITLE_MAX, true);
        String checkedBody = errors.text("body", body, CannedReply.BODY_MAX, true);
        errors.throwIfAny();
        reply.change(Locales.tag(Locales.supported(locale)), checkedStage, checkedTitle, checkedBody, clock.instant());
        return reply;
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

    private Macro checkedMacro(UUID gameId, String name, String reply, String status, String type, String priority,
            String tags) {
        FieldErrors errors = new FieldErrors();
        String checkedName = errors.line("name", name, MACRO_NAME_MAX, true);
        String checkedReply = errors.text("reply", reply, CannedReply.BODY_MAX, true);
        TicketStatus checkedStatus = optional(errors, "status", status, TicketStatus.class);
        TicketType checkedType = optional(errors, "type", type, TicketType.class);
        TicketPriority checkedPriority = optional(errors, "priority", priority, TicketPriority.class);
        List<String> checkedTags = new ArrayList<>();
        for (String tag : tags == null ? new String[0] : tags.strip().split("[\\s,，]+")) {
            String normal = tag.toLowerCase(Locale.ROOT);
            if (normal.isEmpty()) {
                continue;
            }
            if (!TAG.matcher(normal).matches()) {
                errors.add("tags", "invalid.tag", 40);
            } else if (!checkedTags.contains(normal)) {
                checkedTags.add(normal);
            }
        }
        if (String.join(" ", checkedTags).length() > 200) {
            errors.add("tags", "invalid.tooManyTags");
        }
        errors.throwIfAny();
        return new Macro(gameId, checkedName, checkedReply, code(checkedStatus), code(checkedType),
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
        FieldErrors errors = new FieldErrors();
        for (String line : text == null ? new String[0] : text.split("\\R")) {
            String phrase = line.strip();
            boolean bare = phrase.startsWith("=");
            phrase = (bare ? phrase.substring(1) : phrase).strip();
            if (phrase.isEmpty()) {
                continue;
            }
            if (phrase.length() > ForbiddenPhrase.PHRASE_MAX) {
                errors.add("phrases", "invalid.phrase", ForbiddenPhrase.PHRASE_MAX);
            }
            parsed.putIfAbsent(phrase, bare);
        }
        if (parsed.size() > PHRASES_MAX) {
            errors.add("phrases", "invalid.tooMany", PHRASES_MAX);
        }
        errors.throwIfAny();
        phrases.deleteByGameId(gameId);
        phrases.flush();
        parsed.forEach((phrase, bare) -> phrases.save(new ForbiddenPhrase(gameId, phrase, bare)));
    }

    /** The forbidden phrases a reply contains. */
    @Transactional(readOnly = true)
    public List<String> check(UUID gameId, String reply) {
        return ForbiddenPhrases.found(reply, forbidden(gameId));
    }

    /** Gives a game the default canned replies and forbidden phrases, unless it has some already. */
    public void giveDefaults(UUID gameId) {
        if (!replies.existsByGameId(gameId)) {
            DefaultReplyKit.REPLIES.forEach(r -> replies.save(new CannedReply(gameId, r.locale(), r.stage(), r.title(),
                    r.body(), clock.instant())));
        }
        if (!phrases.existsByGameId(gameId)) {
            DefaultReplyKit.FORBIDDEN.forEach((phrase, bare) -> phrases.save(new ForbiddenPhrase(gameId, phrase, bare)));
        }
    }

    /** A field a macro may leave alone: blank means "as it is". */
    private static <E extends Enum<E> & Coded> E optional(FieldErrors errors, String field, String value,
            Class<E> type) {
        return value == null || value.isBlank() ? null : errors.code(field, value, type, null);
    }

    private static String code(Coded coded) {
        return coded == null ? null : coded.code();
    }
}
