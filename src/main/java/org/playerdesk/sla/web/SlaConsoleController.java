package org.playerdesk.sla.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.sla.CalendarForm;
import org.playerdesk.sla.CalendarView;
import org.playerdesk.sla.PhoneAnswers;
import org.playerdesk.sla.PolicyForm;
import org.playerdesk.sla.PolicyView;
import org.playerdesk.sla.SlaAction;
import org.playerdesk.sla.SlaPolicies;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketType;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Supervisors and administrators edit the service-level policies and business calendars of the
 * games they serve. A refused form comes back (400) with every bad field marked.
 */
@Controller
@RequestMapping("/console/sla")
class SlaConsoleController {

    private final SlaPolicies policies;
    private final PhoneAnswers phoneAnswers;
    private final Clock clock;
    private final GameCatalog games;
    private final ConsoleProblems problems;
    private final ErrorTexts errorTexts;

    SlaConsoleController(SlaPolicies policies, PhoneAnswers phoneAnswers, Clock clock, GameCatalog games,
            ConsoleProblems problems, ErrorTexts errorTexts) {
        this.phoneAnswers = phoneAnswers;
        this.clock = clock;
        this.errorTexts = errorTexts;
        this.policies = policies;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        List<GameInfo> served = served(me);
        if (served.isEmpty()) {
            throw new NotFoundException("game", game);
        }
        GameInfo chosen = game == null ? served.getFirst() : game(game, me);
        List<CalendarView> calendars = policies.calendars(chosen.id());
        Map<UUID, String> calendarNames = new LinkedHashMap<>();
        calendars.forEach(c -> calendarNames.put(c.id(), c.name()));
        model.addAttribute("games", served);
        model.addAttribute("game", chosen);
        model.addAttribute("policies", policies.policies(chosen.id()));
        model.addAttribute("calendars", calendars);
        model.addAttribute("calendarNames", calendarNames);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("phoneTarget", phoneAnswers.target(chosen.id()).toSeconds());
        model.addAttribute("phoneWeek", phoneAnswers.tally(Set.of(chosen.id()), clock.instant().minus(Duration.ofDays(7)),
                clock.instant()));
        return "sla/policies";
    }

    /** The game's phone answer target, in seconds. */
    @PostMapping("/phone-target")
    String phoneTarget(@RequestParam String game, @RequestParam(defaultValue = "") String answerSeconds,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo info = game(game, me);
        try {
            phoneAnswers.setTarget(info.id(), answerSeconds);
            redirect.addFlashAttribute("notice", "sla.saved");
        } catch (InvalidInput invalid) {
            redirect.addFlashAttribute("problem", errorTexts.summary(invalid, locale));
        }
        return "redirect:/console/sla?game=" + info.code();
    }

    @GetMapping("/policy")
    String policy(@RequestParam String game, @RequestParam(required = false) UUID id,
            @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = game(game, me);
        PolicyForm form = id == null
                ? new PolicyForm("", null, null, null, null, "60", "", "", "80", null, Set.of(), Set.of())
                : policies.policies(info.id()).stream().filter(p -> p.id().equals(id)).findFirst()
                        .map(SlaConsoleController::form).orElseThrow(() -> new NotFoundException("policy", id));
        return policyForm(info, id, form, Map.of(), model);
    }

    @PostMapping("/policy")
    String savePolicy(@RequestParam String game, @RequestParam(required = false) UUID id,
            @RequestParam Map<String, String> fields,
            @RequestParam(name = "warningActions", required = false) Set<String> warningActions,
            @RequestParam(name = "breachActions", required = false) Set<String> breachActions,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        GameInfo info = game(game, me);
        PolicyForm form = new PolicyForm(fields.get("name"), fields.get("channel"), fields.get("type"),
                fields.get("priority"), fields.get("minTier"), fields.get("firstResponseMinutes"),
                fields.get("nextResponseMinutes"), fields.get("resolutionMinutes"), fields.get("warningPercent"),
                fields.get("calendarId"), warningActions, breachActions);
        try {
            if (id == null) {
                policies.addPolicy(info.id(), form);
            } else {
                policies.changePolicy(info.id(), id, form);
            }
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return policyForm(info, id, form, errors(invalid, locale), model);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", problems.describe(refused, locale));
            return policyForm(info, id, form, Map.of(), model);
        }
        redirect.addFlashAttribute("notice", "sla.saved");
        return "redirect:/console/sla?game=" + info.code();
    }

    @PostMapping("/policy/{id}/delete")
    String deletePolicy(@PathVariable UUID id, @RequestParam String game, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        GameInfo info = game(game, me);
        policies.removePolicy(info.id(), id);
        redirect.addFlashAttribute("notice", "sla.deleted");
        return "redirect:/console/sla?game=" + info.code();
    }

    @PostMapping("/policy/{id}/move")
    String movePolicy(@PathVariable UUID id, @RequestParam String game, @RequestParam String direction,
            @AuthenticationPrincipal StaffUser me) {
        GameInfo info = game(game, me);
        policies.movePolicy(info.id(), id, "up".equals(direction));
        return "redirect:/console/sla?game=" + info.code();
    }

    @GetMapping("/calendar")
    String calendar(@RequestParam String game, @RequestParam(required = false) UUID id,
            @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = game(game, me);
        CalendarForm form = id == null ? new CalendarForm("", "Asia/Shanghai", false, Map.of(), "", "")
                : policies.calendars(info.id()).stream().filter(c -> c.id().equals(id)).findFirst()
                        .map(c -> new CalendarForm(c.name(), c.timeZone(), c.alwaysOpen(), c.hours(), c.holidays(),
                                c.workingDates()))
                        .orElseThrow(() -> new NotFoundException("calendar", id));
        return calendarForm(info, id, form, Map.of(), model);
    }

    @PostMapping("/calendar")
    String saveCalendar(@RequestParam String game, @RequestParam(required = false) UUID id,
            @RequestParam Map<String, String> fields, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo info = game(game, me);
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            String value = fields.get("hours." + day.name().substring(0, 3).toLowerCase(Locale.ROOT));
            if (value != null) {
                hours.put(day, value);
            }
        }
        CalendarForm form = new CalendarForm(fields.get("name"), fields.get("timeZone"),
                "true".equals(fields.get("alwaysOpen")), hours, fields.get("holidays"), fields.get("workingDates"));
        try {
            if (id == null) {
                policies.addCalendar(info.id(), form);
            } else {
                policies.changeCalendar(info.id(), id, form);
            }
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return calendarForm(info, id, form, errors(invalid, locale), model);
        } catch (RuleViolation refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", problems.describe(refused, locale));
            return calendarForm(info, id, form, Map.of(), model);
        }
        redirect.addFlashAttribute("notice", "sla.saved");
        return "redirect:/console/sla?game=" + info.code();
    }

    @PostMapping("/calendar/{id}/delete")
    String deleteCalendar(@PathVariable UUID id, @RequestParam String game, @AuthenticationPrincipal StaffUser me,
            Locale locale, RedirectAttributes redirect) {
        GameInfo info = game(game, me);
        problems.attempt(() -> {
            policies.removeCalendar(info.id(), id);
            return true;
        }, "sla.deleted", locale, redirect);
        return "redirect:/console/sla?game=" + info.code();
    }

    private String policyForm(GameInfo game, UUID id, PolicyForm form, Map<String, String> errors, Model model) {
        model.addAttribute("game", game);
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("channels", TicketChannel.values());
        model.addAttribute("types", TicketType.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("tiers", policies.tiers());
        model.addAttribute("calendars", policies.calendars(game.id()));
        model.addAttribute("actions", SlaAction.values());
        return "sla/policy";
    }

    private String calendarForm(GameInfo game, UUID id, CalendarForm form, Map<String, String> errors,
            Model model) {
        model.addAttribute("game", game);
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        return "sla/calendar";
    }

    /** Field → message in the reader's language; several messages of one field joined. */
    private Map<String, String> errors(InvalidInput invalid, Locale locale) {
        Map<String, String> byField = new LinkedHashMap<>();
        errorTexts.byField(invalid, locale).forEach((field, texts) -> byField.put(field, String.join(" ", texts)));
        return byField;
    }

    private static PolicyForm form(PolicyView p) {
        return new PolicyForm(p.name(), p.channel() == null ? null : p.channel().code(),
                p.type() == null ? null : p.type().code(), p.priority() == null ? null : p.priority().code(),
                p.minTier(), text(p.firstResponseMinutes()), text(p.nextResponseMinutes()),
                text(p.resolutionMinutes()), Integer.toString(p.warningPercent()), p.calendarId().toString(),
                codes(p.warningActions()), codes(p.breachActions()));
    }

    private static Set<String> codes(Set<SlaAction> actions) {
        return actions.stream().map(SlaAction::code).collect(java.util.stream.Collectors.toSet());
    }

    private static String text(Integer minutes) {
        return minutes == null ? "" : minutes.toString();
    }

    private List<GameInfo> served(StaffUser me) {
        if (!me.can(Permission.ASSIGN_OTHERS)) {
            throw new AccessDeniedException("service levels are set by supervisors and administrators");
        }
        return games.servedBy(me.gameScope());
    }

    private GameInfo game(String code, StaffUser me) {
        served(me);
        GameInfo game = games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
        if (me.gameScope() != null && !me.serves(game.id())) {
            throw new NotFoundException("game", code);
        }
        return game;
    }
}
