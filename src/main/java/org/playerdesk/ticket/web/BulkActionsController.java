package org.playerdesk.ticket.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.player.PlayerDirectory;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.ticket.BulkTicketAction;
import org.playerdesk.ticket.bulk.BulkJobView;
import org.playerdesk.ticket.bulk.BulkJobs;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The inbox's bulk actions: starting a job over the chosen tickets (or every ticket the view
 * matches) and following it. From the inbox's bar (htmx) the answer is the job's progress, which
 * polls itself until the job is finished; without htmx, the job's own page. A job is shown to the
 * agent who started it only.
 */
@Controller
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class BulkActionsController {

    private final BulkJobs jobs;
    private final PlayerDirectory players;
    private final ErrorTexts problems;
    private final MessageSource messages;

    BulkActionsController(BulkJobs jobs, PlayerDirectory players, ErrorTexts problems, MessageSource messages) {
        this.jobs = jobs;
        this.players = players;
        this.problems = problems;
        this.messages = messages;
    }

    /**
     * Starts a job. {@code scope=all} takes every ticket the view (the inbox's own parameters, sent
     * along) matches now; otherwise the tickets chosen ({@code ticket}). The action's value comes as
     * {@code choice_<action>}, one field per action in the bar.
     */
    @PostMapping("/console/tickets/bulk")
    String start(@ModelAttribute("query") InboxQuery query, @RequestParam(defaultValue = "") String scope,
            @RequestParam(name = "ticket", required = false) List<String> chosen,
            @RequestParam(defaultValue = "") String action, @RequestParam MultiValueMap<String, String> form,
            @AuthenticationPrincipal StaffUser me, @RequestHeader(name = "HX-Request", required = false) String htmx,
            Locale locale, Model model, RedirectAttributes redirect) {
        String value = form.getFirst("choice_" + action);
        try {
            BulkJobView job = "all".equals(scope)
                    ? jobs.startMatching(me, action, value, query.filter(me, query.searchesAccounts()
                            ? players.idsByAccount(me.gameScope(), query.search()) : List.of()))
                    : jobs.start(me, action, value, ids(chosen));
            if (htmx == null) {
                return "redirect:/console/tickets/bulk/" + job.id();
            }
            model.addAttribute("job", shown(job, locale));
            return "ticket/bulk :: progress";
        } catch (InvalidInput invalid) {
            String problem = problems.summary(invalid, "bulk.field.", locale);
            if (htmx == null) {
                redirect.addFlashAttribute("problem", problem);
                return "redirect:" + query.url(query.view(me).code(), query.pageNumber());
            }
            model.addAttribute("problem", problem);
            return "ticket/bulk :: refused";
        }
    }

    @GetMapping("/console/tickets/bulk/{id}")
    String job(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Locale locale, Model model) {
        BulkJobView job = jobs.view(id).filter(j -> j.actorId().equals(me.id()))
                .orElseThrow(() -> new NotFoundException("bulk job", id));
        model.addAttribute("job", shown(job, locale));
        return htmx == null ? "ticket/bulk" : "ticket/bulk :: progress";
    }

    /** A job in the reader's words: the action and its value by name, each failure's reason worded. */
    record ShownJob(UUID id, String action, String choice, String actorName, int total, long done, long failed,
            int percent, boolean finished, List<ShownFailure> failures, long unlisted) {
    }

    record ShownFailure(UUID ticketId, long number, String reason) {
    }

    private ShownJob shown(BulkJobView job, Locale locale) {
        String action = messages.getMessage(
                jobs.action(job.action()).map(BulkTicketAction::labelKey).orElse("bulk.action.gone"), null, locale);
        String choice = job.choiceKey() != null ? messages.getMessage(job.choiceKey(), null, job.choiceLabel(), locale)
                : job.choiceLabel();
        List<ShownFailure> failures = new ArrayList<>();
        for (BulkJobView.Failure failure : job.failures()) {
            String reason = messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] {failure.reasonKey(), "error.refused"}, failure.arguments().toArray()), locale);
            failures.add(new ShownFailure(failure.ticketId(), failure.ticketNumber(), reason));
        }
        return new ShownJob(job.id(), action, choice, job.actorName(), job.total(), job.done(), job.failed(),
                job.percent(), job.finished(), failures, Math.max(0, job.failed() - failures.size()));
    }

    /** The chosen rows' ids; anything that is not an id is no ticket and left out. */
    private static List<UUID> ids(List<String> chosen) {
        List<UUID> ids = new ArrayList<>();
        for (String value : chosen == null ? List.<String>of() : chosen) {
            try {
                ids.add(UUID.fromString(value.strip()));
            } catch (IllegalArgumentException notAnId) {
                // left out
            }
        }
        return ids;
    }
}
