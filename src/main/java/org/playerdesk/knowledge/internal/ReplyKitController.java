package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ReplyStage;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.retry.ConflictRetry;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Managing a game's reply kit (canned replies and macros: staff who work its tickets; forbidden
 * phrases: administrators), and applying a macro to a ticket.
 */
@Controller
@RequestMapping("/console/knowledge")
class ReplyKitController {

    private final ServedGames served;
    private final ConflictRetry retry;
    private final ReplyKit kit;
    private final TicketQueries tickets;
    private final MessageSource messages;

    ReplyKitController(ServedGames served, ReplyKit kit, TicketQueries tickets, MessageSource messages,
            ConflictRetry retry) {
        this.served = served;
        this.retry = retry;
        this.kit = kit;
        this.tickets = tickets;
        this.messages = messages;
    }

    @GetMapping("/replies")
    String page(@RequestParam String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = served.chosen(game, me);
        model.addAttribute("game", info);
        model.addAttribute("replies", kit.replies(info.id()));
        model.addAttribute("macros", kit.macros(info.id()));
        model.addAttribute("forbidden", kit.forbiddenAsText(info.id()));
        model.addAttribute("stages", ReplyStage.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("variables", ReplyVariables.NAMES);
        model.addAttribute("canWrite", me.can(Permission.WORK_TICKETS));
        model.addAttribute("isAdmin", me.can(Permission.MANAGE_STAFF));
        // the game's email templates (mailbox module) are edited with its mailboxes, by who configures games
        model.addAttribute("canEditMailTemplates", me.can(Permission.MANAGE_GAMES));
        return "knowledge/replies";
    }

    @PostMapping("/replies")
    String addReply(@RequestParam String game, @RequestParam(required = false) String locale,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(game, me);
        return done(redirect, info, reader, "kb.notice.replyAdded", () -> kit.addReply(info.id(), locale, stage, title, body));
    }

    @PostMapping("/replies/{id}")
    String changeReply(@PathVariable UUID id, @RequestParam(required = false) String locale,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String title,
            @RequestParam(required = false) String body, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(kit.reply(id).gameId(), me);
        return done(redirect, info, reader, "kb.notice.kitSaved", () -> kit.changeReply(id, locale, stage, title, body));
    }

    @PostMapping("/replies/{id}/delete")
    String removeReply(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(kit.reply(id).gameId(), me);
        return done(redirect, info, reader, "kb.notice.removed", () -> kit.removeReply(id));
    }

    @PostMapping("/macros")
    String addMacro(@RequestParam String game, @RequestParam(required = false) String name,
            @RequestParam(required = false) String reply, @RequestParam(required = false) String status,
            @RequestParam(required = false) String type, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String tags, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(game, me);
        return done(redirect, info, reader, "kb.notice.macroAdded",
                () -> kit.addMacro(info.id(), name, reply, status, type, priority, tags));
    }

    @PostMapping("/macros/{id}")
    String changeMacro(@PathVariable UUID id, @RequestParam(required = false) String name,
            @RequestParam(required = false) String reply, @RequestParam(required = false) String status,
            @RequestParam(required = false) String type, @RequestParam(required = false) String priority,
            @RequestParam(required = false) String tags, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(kit.macro(id).gameId(), me);
        return done(redirect, info, reader, "kb.notice.kitSaved",
                () -> kit.changeMacro(id, name, reply, status, type, priority, tags));
    }

    @PostMapping("/macros/{id}/delete")
    String removeMacro(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale reader,
            RedirectAttributes redirect) {
        GameInfo info = served.writable(kit.macro(id).gameId(), me);
        return done(redirect, info, reader, "kb.notice.removed", () -> kit.removeMacro(id));
    }

    @PostMapping("/forbidden")
    String saveForbidden(@RequestParam String game, @RequestParam(required = false) String phrases,
            @AuthenticationPrincipal StaffUser me, Locale reader, RedirectAttributes redirect) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        // a game's default phrases are given in the background when it is registered: a list saved at
        // that moment meets them in the unique index and is saved again over them
        return done(redirect, info, reader, "kb.notice.forbiddenSaved",
                () -> retry.run(() -> kit.replaceForbidden(info.id(), phrases)));
    }

    @PostMapping("/macros/{id}/apply")
    String apply(@PathVariable UUID id, @RequestParam UUID ticket, @AuthenticationPrincipal StaffUser me,
            Locale reader, RedirectAttributes redirect) {
        TicketView view = tickets.head(ticket);
        served.writable(view.gameId(), me);
        try {
            kit.apply(id, view, Actor.agent(me.id(), me.displayName()));
            redirect.addFlashAttribute("notice", "kb.notice.macroApplied");
        } catch (RuleViolation | InvalidInput e) {
            redirect.addFlashAttribute("problem", messages.getMessage("kb.error.macro", null, reader));
        }
        return "redirect:/console/tickets/" + ticket;
    }

    private String done(RedirectAttributes redirect, GameInfo game, Locale reader, String notice, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInput e) {
            // each field by its label on the form, never its machine name
            List<String> fields = e.errors().stream().map(InvalidInput.FieldError::field).distinct()
                    .map(field -> messages.getMessage("kb.kit.field." + field, null, field, reader)).toList();
            redirect.addFlashAttribute("problem", messages.getMessage("kb.error.fields",
                    new Object[] {String.join(messages.getMessage("kb.error.fields.separator", null, reader), fields)},
                    reader));
        }
        return "redirect:/console/knowledge/replies?game=" + game.code();
    }
}
