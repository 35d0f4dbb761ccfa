package org.playerdesk.workforce.internal.worklog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.RuleViolation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The daily work log pages: one's own log ({@code /console/worklog}, today's or a past day's) with
 * the day's facts from the tickets, writing, solving and removing entries and submitting the log;
 * and the leads' read-only view of their teams' logs with the search ({@code /console/worklog/team}).
 */
@Controller
@RequestMapping("/console/worklog")
class WorkLogController {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** An entry as a page shows it: names, not ids; its time in the author's zone. */
    record EntryRow(UUID id, String categoryLabel, String body, UUID ticketId, Long ticketNumber, String gameName,
            boolean followUp, boolean solved, String writtenAt, String authorName, LocalDate day) {
    }

    /** A person's day on the lead's page. */
    record PersonRow(UUID id, String name, boolean submitted, String submittedAt, DayFacts facts,
            List<EntryRow> entries) {
    }

    /** A choice of a select: its value and the name shown. */
    record Choice(String value, String name) {
    }

    private final WorkLogs logs;
    private final TeamLogs teamLogs;
    private final WorkingDays days;
    private final GameCatalog games;
    private final ErrorTexts problems;

    WorkLogController(WorkLogs logs, TeamLogs teamLogs, WorkingDays days, GameCatalog games, ErrorTexts problems) {
        this.logs = logs;
        this.teamLogs = teamLogs;
        this.days = days;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String mine(@RequestParam(required = false) String day, @AuthenticationPrincipal StaffUser me, Model model) {
        LocalDate today = days.today(me.id());
        LocalDate shown = parse(day, today);
        if (shown.isAfter(today)) {
            shown = today;
        }
        ZoneId zone = days.zoneOf(me.id());
        WorkLog log = logs.of(me.id(), shown);
        boolean isToday = shown.equals(today);
        model.addAttribute("day", shown);
        model.addAttribute("today", today);
        model.addAttribute("isToday", isToday);
        model.addAttribute("log", log);
        model.addAttribute("entries", rows(log.entries(), zone, me.displayName()));
        model.addAttribute("facts", days.facts(me.id(), shown));
        model.addAttribute("canWrite", isToday || log.submitted());
        model.addAttribute("canRemove", isToday && !log.submitted());
        model.addAttribute("categories", categories());
        List<GameInfo> served = games.servedBy(me.gameScope());
        model.addAttribute("games", served.size() > 1
                ? served.stream().map(g -> new Choice(g.id().toString(), g.name())).toList() : List.of());
        model.addAttribute("pastDays", logs.pastDays(me.id(), today, 14));
        model.addAttribute("submittedAt", log.submitted() ? HH_MM.format(log.submittedAt().atZone(zone)) : null);
        model.addAttribute("leads", teamLogs.leadsAnyone(me.member()));
        return "workforce/worklog";
    }

    @PostMapping("/entries")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String write(@RequestParam(required = false) String day, @RequestParam(required = false) String category,
            @RequestParam(required = false) String text, @RequestParam(required = false) String ticket,
            @RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model, RedirectAttributes redirect) {
        LocalDate today = days.today(me.id());
        LocalDate on = parse(day, today);
        try {
            logs.write(me.member(), on, category, text, ticket, gameId(game));
        } catch (InvalidInput invalid) {
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            model.addAttribute("category", category);
            model.addAttribute("text", text);
            model.addAttribute("ticket", ticket);
            model.addAttribute("game", game);
            return mine(on.toString(), me, model);
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.text(refused, locale));
            return back(on);
        }
        redirect.addFlashAttribute("notice", "worklog.entry.written");
        return back(on);
    }

    @PostMapping("/entries/{id}/solved")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String solve(@PathVariable UUID id, @RequestParam(required = false) String day,
            @RequestParam(defaultValue = "true") boolean solved, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        logs.solve(me.member(), id, solved);
        redirect.addFlashAttribute("notice", solved ? "worklog.entry.solved" : "worklog.entry.reopened");
        return back(parse(day, days.today(me.id())));
    }

    @PostMapping("/entries/{id}/remove")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String remove(@PathVariable UUID id, @RequestParam(required = false) String day,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        try {
            logs.remove(me.member(), id);
            redirect.addFlashAttribute("notice", "worklog.entry.removed");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.text(refused, locale));
        }
        return back(parse(day, days.today(me.id())));
    }

    @PostMapping("/submit")
    @PreAuthorize("hasAuthority('WORK_TICKETS')")
    String submit(@RequestParam(required = false) String day, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        LocalDate on = parse(day, days.today(me.id()));
        try {
            logs.submit(me.member(), on);
            redirect.addFlashAttribute("notice", "worklog.submitted");
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("problem", problems.text(refused, locale));
        }
        return back(on);
    }

    /** The lead's page: a day's logs of a team (or all they lead), who has not submitted, and the search. */
    @GetMapping("/team")
    String team(@RequestParam(required = false) UUID team, @RequestParam(required = false) String day,
            @RequestParam(required = false) String q, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model) {
        LocalDate today = days.today(me.id());
        LocalDate shown = parse(day, today);
        TeamLogs.Scope scope = teamLogs.scope(me.member(), team);
        List<PersonRow> people = teamLogs.day(scope, shown).stream().map(p -> {
            ZoneId zone = days.zoneOf(p.person().id());
            return new PersonRow(p.person().id(), p.person().displayName(), p.log().submitted(),
                    p.log().submitted() ? HH_MM.format(p.log().submittedAt().atZone(zone)) : null, p.facts(),
                    rows(p.log().entries(), zone, p.person().displayName()));
        }).toList();
        model.addAttribute("day", shown);
        model.addAttribute("team", scope.team());
        model.addAttribute("teams", teamLogs.choices(me.member()).stream()
                .map(t -> new Choice(t.id().toString(), t.name())).toList());
        model.addAttribute("people", people);
        model.addAttribute("unsubmitted", people.stream().filter(p -> !p.submitted()).map(PersonRow::name).toList());
        LocalDate searchTo = parse(to, shown);
        LocalDate searchFrom = parse(from, searchTo.minusDays(6));
        model.addAttribute("q", q);
        model.addAttribute("from", searchFrom);
        model.addAttribute("to", searchTo);
        if (q != null) {
            try {
                model.addAttribute("found", teamLogs.search(scope, q, searchFrom, searchTo).stream()
                        .map(f -> row(f.entry(), days.zoneOf(f.entry().staffId()), f.authorName(), new HashMap<>()))
                        .toList());
            } catch (InvalidInput invalid) {
                model.addAttribute("errors", problems.firstByField(invalid, locale));
            }
        }
        return "workforce/worklog-team";
    }

    private List<EntryRow> rows(List<LogEntry> entries, ZoneId zone, String author) {
        Map<UUID, String> names = new HashMap<>();
        return entries.stream().map(e -> row(e, zone, author, names)).toList();
    }

    private EntryRow row(LogEntry e, ZoneId zone, String author, Map<UUID, String> names) {
        String game = e.gameId() == null ? null : names.computeIfAbsent(e.gameId(),
                id -> games.all(List.of(id)).stream().findFirst().map(GameInfo::name).orElse("—"));
        return new EntryRow(e.id(), e.category().label(), e.body(), e.ticketId(), e.ticketNumber(), game,
                e.followUp(), e.solved(), HH_MM.format(e.createdAt().atZone(zone)), author, e.day());
    }

    static List<Choice> categories() {
        return java.util.Arrays.stream(ProblemCategory.values()).map(c -> new Choice(c.code(), c.label())).toList();
    }

    private static String back(LocalDate day) {
        return "redirect:/console/worklog?day=" + day;
    }

    static LocalDate parse(String day, LocalDate otherwise) {
        if (day == null || day.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(day.strip());
        } catch (DateTimeParseException notADay) {
            return otherwise;
        }
    }

    private static UUID gameId(String game) {
        try {
            return game == null || game.isBlank() ? null : UUID.fromString(game.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }

    /** Another's entry, or a team one does not lead, is the console's 404 page, as if it did not exist. */
    @ExceptionHandler(NotFoundException.class)
    ModelAndView absent() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
