package org.playerdesk.survey.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.ticket.TicketQueries;
import org.playerdesk.ticket.TicketView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The leads' list of survey follow-ups (回访, {@code /console/quality/surveys/follow-ups}): the low
 * scores of the games they serve, open ones first, each with the player's answer and the agent it
 * counts toward; a lead closes one with what came of the call. Leads are supervisors and
 * administrators (who may assign tickets to others).
 */
@Controller
@RequestMapping("/console/quality/surveys/follow-ups")
@PreAuthorize("hasAuthority('ASSIGN_OTHERS')")
class FollowUpsController {

    static final int SHOWN_MAX = 200;

    /** One row of the list. */
    record Row(FollowUps.FollowUp followUp, long ticketNumber, String subject, String game, SurveyAnswer answer,
            String resolvedBy, String doneBy) {
    }

    /** What a lead writes when closing a follow-up. */
    record Outcome(@NotBlank(message = "{invalid.blank}") @Size(max = 1000, message = "{invalid.tooLong}") @PlainText
            String outcome) {
    }

    private final FollowUps followUps;
    private final Invitations invitations;
    private final GameCatalog games;
    private final TicketQueries tickets;
    private final StaffDirectory staff;
    private final InputValidation validation;
    private final ErrorTexts texts;
    private final Clock clock;

    FollowUpsController(FollowUps followUps, Invitations invitations, GameCatalog games, TicketQueries tickets,
            StaffDirectory staff, InputValidation validation, ErrorTexts texts, Clock clock) {
        this.followUps = followUps;
        this.invitations = invitations;
        this.games = games;
        this.tickets = tickets;
        this.staff = staff;
        this.validation = validation;
        this.texts = texts;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal StaffUser me, Model model) {
        Map<UUID, GameInfo> served = games.servedBy(me.gameScope()).stream().collect(Collectors.toMap(GameInfo::id, Function.identity()));
        List<FollowUps.FollowUp> shown = followUps.of(served.keySet(), SHOWN_MAX);
        Map<UUID, TicketView> heads = tickets.byIds(shown.stream().map(FollowUps.FollowUp::ticketId).toList()).stream()
                .collect(Collectors.toMap(TicketView::id, Function.identity()));
        List<UUID> people = new ArrayList<>();
        List<SurveyAnswer> answers = new ArrayList<>();
        for (FollowUps.FollowUp f : shown) {
            SurveyAnswer answer = invitations.answerOf(f.ticketId()).orElse(null);
            answers.add(answer);
            people.add(answer == null ? null : answer.resolvedBy());
            people.add(f.doneBy());
        }
        Map<UUID, StaffMember> names = staff.byIds(people.stream().filter(Objects::nonNull).distinct().toList());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            FollowUps.FollowUp f = shown.get(i);
            TicketView head = heads.get(f.ticketId());
            rows.add(new Row(f, head == null ? 0 : head.number(), head == null ? "" : head.subject(),
                    served.get(f.gameId()).name(), answers.get(i), name(names, people.get(2 * i)),
                    name(names, f.doneBy())));
        }
        model.addAttribute("rows", rows);
        return "survey/follow-ups";
    }

    @PostMapping("/{id}/done")
    String done(@PathVariable UUID id, @RequestParam(defaultValue = "") String outcome,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        FollowUps.FollowUp followUp = followUps.get(id).filter(f -> me.serves(f.gameId()))
                .orElseThrow(() -> new NotFoundException("follow-up", id));
        Outcome written = new Outcome(outcome.strip());
        List<InvalidInput.FieldError> errors = validation.errors(written);
        if (!errors.isEmpty()) {
            redirect.addFlashAttribute("problem", texts.summary(new InvalidInput(errors), locale));
        } else if (followUps.done(followUp.id(), me.id(), written.outcome(), clock.instant())) {
            redirect.addFlashAttribute("notice", "survey.followUps.done");
        }
        return "redirect:/console/quality/surveys/follow-ups";
    }

    private static String name(Map<UUID, StaffMember> names, UUID id) {
        StaffMember member = id == null ? null : names.get(id);
        return member == null ? null : member.displayName();
    }
}
