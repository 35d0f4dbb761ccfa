package org.playerdesk.ticket.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.playerdesk.system.PlayerDeskProperties;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.system.files.FilesUnavailable;
import org.playerdesk.ticket.TicketDesk;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.TicketView;
import org.playerdesk.ticket.Upload;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What an agent does to a ticket. Each action is a form POST that ends in a redirect back to the
 * ticket (Post/Redirect/Get) with a notice, or with what was refused and why; the desk either
 * stores all of an action or none of it, so a refused reply leaves no trace but the draft kept
 * for the agent.
 */
@Controller
@RequestMapping("/console/tickets/{id}")
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class TicketActionsController {

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");


    private final ConsoleTickets tickets;
    private final TicketDesk desk;
    private final TicketQueries queries;
    private final StaffDirectory staff;
    private final ErrorTexts problems;
    private final PlayerDeskProperties properties;

    TicketActionsController(ConsoleTickets tickets, TicketDesk desk, TicketQueries queries, StaffDirectory staff,
            ErrorTexts problems, PlayerDeskProperties properties) {
        this.tickets = tickets;
        this.desk = desk;
        this.queries = queries;
        this.staff = staff;
        this.problems = problems;
        this.properties = properties;
    }

    /**
     * Sends the reply, unless someone else wrote on the ticket after the last message the agent's
     * page showed ({@code seen}): then nothing is sent, the page shows who wrote, with their
     * messages, and keeps the draft; {@code confirm=stale} sends it anyway.
     */
    @PostMapping("/reply")
    String reply(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "then", required = false) String then,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @RequestParam(name = "seen", required = false) String seen,
            @RequestParam(name = "confirm", required = false) String confirm,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        TicketStatus next = then == null || then.isBlank() ? null : InboxQuery.coded(TicketStatus.class, then);
        if (then != null && !then.isBlank() && next == null) {
            return refused(id, "reply", "then", "unknownValue", body, locale, redirect);
        }
        if (hasBlanks(body)) {
            return refused(id, "reply", "message", "blanks", body, locale, redirect);
        }
        UUID lastSeen = TicketPresenceController.uuid(seen);
        if (lastSeen != null && !CONFIRM_STALE.equals(confirm)) {
            List<Unseen> unseen = Unseen.of(
                    queries.unseenBy(id, lastSeen, me.id(), TicketPresenceController.UNSEEN_MAX));
            if (!unseen.isEmpty()) {
                redirect.addFlashAttribute("staleReply", unseen);
                redirect.addFlashAttribute("draftThen", next == null ? "" : next.code());
                keep("reply", body, redirect);
                return "redirect:/console/tickets/" + id;
            }
        }
        List<Upload> uploads = uploads(files);
        return attempt(id, "reply", body, names(uploads), locale, redirect, "ticket.notice.replied",
                () -> desk.reply(id, ConsoleTickets.actor(me), body, uploads, next));
    }

    /** A finding of the reply checks as the reply box shows it: the check's code, whether it blocks, and its words. */
    record DraftFinding(String code, boolean blocks, String text) {
    }

    /**
     * What the reply checks would find in the draft, were it sent now (nothing is written), named
     * in the reader's language: the reply box shows it while the agent types.
     */
    @PostMapping(path = "/reply/check", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, List<DraftFinding>> checkReply(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "then", required = false) String then, @AuthenticationPrincipal StaffUser me,
            Locale locale) {
        tickets.visible(id, me);
        TicketStatus next = then == null || then.isBlank() ? null : InboxQuery.coded(TicketStatus.class, then);
        return Map.of("findings", desk.reviewDraft(id, ConsoleTickets.actor(me), body, next).stream()
                .map(finding -> new DraftFinding(finding.code(), finding.blocks(), problems.message(
                        "reply.finding." + finding.code(), locale, finding.evidence())))
                .toList());
    }

    /**
     * A canned reply's blanks are runs of asterisks ({@code 在**月**日由于******}) for the agent to
     * fill in; a reply that still has one is not sent to the player.
     */
    static boolean hasBlanks(String body) {
        return BLANK.matcher(body).find();
    }

    private static final Pattern BLANK = Pattern.compile("\\*{2,}");

    /** The reply form's "send anyway" after it was shown what others wrote meanwhile. */
    static final String CONFIRM_STALE = "stale";

    @PostMapping("/note")
    String note(@PathVariable UUID id, @RequestParam(defaultValue = "") String body,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        List<Upload> uploads = uploads(files);
        return attempt(id, "note", body, names(uploads), locale, redirect, "ticket.notice.noted",
                () -> desk.noteMentioning(id, ConsoleTickets.actor(me), body, uploads));
    }

    @PostMapping("/status")
    String status(@PathVariable UUID id, @RequestParam(defaultValue = "") String status,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        if (status.isBlank()) {
            // the current status is shown in the selector but is no choice: nothing new was chosen
            return refused(id, "status", "status", "chooseStatus", null, locale, redirect);
        }
        TicketStatus next = InboxQuery.coded(TicketStatus.class, status);
        if (next == null) {
            return refused(id, "status", "status", "unknownValue", null, locale, redirect);
        }
        return attempt(id, "status", null, List.of(), locale, redirect, "ticket.notice.status",
                () -> desk.changeStatus(id, next, ConsoleTickets.actor(me)));
    }

    @PostMapping("/priority")
    String priority(@PathVariable UUID id, @RequestParam(defaultValue = "") String priority,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        TicketPriority next = InboxQuery.coded(TicketPriority.class, priority);
        if (next == null) {
            return refused(id, "priority", "priority", "unknownValue", null, locale, redirect);
        }
        return attempt(id, "priority", null, List.of(), locale, redirect, "ticket.notice.priority",
                () -> desk.prioritize(id, next, ConsoleTickets.actor(me)));
    }

    @PostMapping("/type")
    String type(@PathVariable UUID id, @RequestParam(defaultValue = "") String type,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        TicketType next = InboxQuery.coded(TicketType.class, type);
        if (next == null) {
            return refused(id, "type", "type", "unknownValue", null, locale, redirect);
        }
        return attempt(id, "type", null, List.of(), locale, redirect, "ticket.notice.type",
                () -> desk.retype(id, next, ConsoleTickets.actor(me)));
    }

    /** Taking a ticket that someone else holds is handing their work around: that needs ASSIGN_OTHERS. */
    @PostMapping("/take")
    String take(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        TicketView ticket = tickets.visible(id, me);
        if (ticket.assigneeId() != null && !ticket.assigneeId().equals(me.id()) && !me.can(Permission.ASSIGN_OTHERS)) {
            throw new AccessDeniedException("the ticket is someone else's");
        }
        return attempt(id, "assign", null, List.of(), locale, redirect, "ticket.notice.assigned",
                () -> desk.assign(id, me.id(), ConsoleTickets.actor(me)));
    }

    @PostMapping("/assign")
    @PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
    String assign(@PathVariable UUID id, @RequestParam(defaultValue = "") String assignee,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        TicketView ticket = tickets.visible(id, me);
        UUID chosen = staff.servingGame(ticket.gameId()).stream()
                .filter(m -> m.id().toString().equals(assignee.strip()))
                .map(m -> m.id()).findFirst().orElse(null);
        if (chosen == null) {
            return refused(id, "assign", "assignee", "assignee", null, locale, redirect);
        }
        return attempt(id, "assign", null, List.of(), locale, redirect, "ticket.notice.assigned",
                () -> desk.assign(id, chosen, ConsoleTickets.actor(me)));
    }

    @PostMapping("/unassign")
    String unassign(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        TicketView ticket = tickets.visible(id, me);
        if (ticket.assigneeId() != null && !ticket.assigneeId().equals(me.id()) && !me.can(Permission.ASSIGN_OTHERS)) {
            throw new AccessDeniedException("the ticket is someone else's");
        }
        return attempt(id, "assign", null, List.of(), locale, redirect, "ticket.notice.unassigned",
                () -> desk.assign(id, null, ConsoleTickets.actor(me)));
    }

    @PostMapping("/tags")
    String tag(@PathVariable UUID id, @RequestParam(defaultValue = "") String tag,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        return attempt(id, "tag", tag, List.of(), locale, redirect, "ticket.notice.tagged",
                () -> desk.tag(id, tag, ConsoleTickets.actor(me)));
    }

    @PostMapping("/tags/remove")
    String untag(@PathVariable UUID id, @RequestParam(defaultValue = "") String tag,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        tickets.visible(id, me);
        return attempt(id, "tag", null, List.of(), locale, redirect, "ticket.notice.untagged",
                () -> desk.untag(id, tag, ConsoleTickets.actor(me)));
    }

    /**
     * Runs one action; what the desk refuses goes back to the page, translated and next to the
     * form it came from, with what the agent typed.
     */
    private String attempt(UUID id, String form, String draft, List<String> fileNames, Locale locale,
            RedirectAttributes redirect, String notice, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("errors", invalid(invalid, fileNames, locale));
            keep(form, draft, redirect);
        } catch (RuleViolation violation) {
            redirect.addFlashAttribute("problem", problems.text(violation, locale));
            keep(form, draft, redirect);
        } catch (PayloadTooLarge tooLarge) {
            redirect.addFlashAttribute("errors", Map.of("files", List.of(tooLarge(problems, properties, locale))));
            keep(form, draft, redirect);
        } catch (FilesUnavailable unavailable) {
            // nothing of the action was stored; the agent sends it again with the draft kept
            redirect.addFlashAttribute("problem", problems.message(FilesUnavailable.KEY, locale));
            keep(form, draft, redirect);
        }
        return "redirect:/console/tickets/" + id;
    }

    private String refused(UUID id, String form, String field, String kind, String draft, Locale locale,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("errors", Map.of(field, List.of(problems.message("invalid." + kind, locale))));
        keep(form, draft, redirect);
        return "redirect:/console/tickets/" + id;
    }

    private static void keep(String form, String draft, RedirectAttributes redirect) {
        redirect.addFlashAttribute("failedForm", form);
        if (draft != null) {
            redirect.addFlashAttribute("draft", draft);
        }
    }

    /** The files of a form; a file input left empty still sends one nameless, empty part. */
    private static List<Upload> uploads(List<MultipartFile> files) {
        List<Upload> uploads = new ArrayList<>();
        if (files == null) {
            return uploads;
        }
        for (MultipartFile file : files) {
            boolean nameless = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank();
            if (nameless && file.isEmpty()) {
                continue;
            }
            try {
                uploads.add(new Upload(file.getOriginalFilename(), file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read an uploaded file", e);
            }
        }
        return uploads;
    }

    private static List<String> names(List<Upload> uploads) {
        return uploads.stream().map(Upload::fileName).toList();
    }

    /** Field errors by form field ({@code files[2]} counts as {@code files}); a file's error names the file. */
    private Map<String, List<String>> invalid(InvalidInput invalid, List<String> fileNames, Locale locale) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        for (InvalidInput.FieldError error : invalid.errors()) {
            String field = error.field();
            String prefix = "";
            Matcher indexed = INDEXED.matcher(field);
            if (indexed.matches()) {
                field = indexed.group(1);
                int index = Integer.parseInt(indexed.group(2));
                prefix = index < fileNames.size() ? fileNames.get(index) + ": " : "";
            }
            byField.computeIfAbsent(field, f -> new ArrayList<>()).add(prefix + problems.text(error, locale));
        }
        return byField;
    }

    static String tooLarge(ErrorTexts problems, PlayerDeskProperties properties, Locale locale) {
        return problems.message("invalid.fileTooLarge", locale, properties.attachments().maxSize().toMegabytes());
    }
}
