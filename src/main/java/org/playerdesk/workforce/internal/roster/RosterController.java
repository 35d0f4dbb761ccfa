package org.playerdesk.workforce.internal.roster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.routing.AgentTier;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.workforce.RosterPlanning;
import org.playerdesk.workforce.TeamView;
import org.playerdesk.workforce.Teams;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The roster board (/console/roster): for leads a team's (or all their agents') grid of agents ×
 * days over one to four weeks, with the coverage of each shift against its minimum, the on-duty
 * leads, the swaps waiting for them and the forms that change the roster; for agents their own
 * shifts and their swap requests. The shifts and patterns are defined on /console/roster/patterns.
 */
@Controller
@PreAuthorize("hasAnyAuthority('WORK_TICKETS', 'ASSIGN_OTHERS')")
class RosterController {

    static final int WEEKS_MAX = 4;

    private final RosterBoard board;
    private final RosterStore store;
    private final RosterPlanning planning;
    private final RosterPlans plans;
    private final Teams teams;
    private final StaffDirectory staff;
    private final ConsoleProblems problems;
    private final java.time.Clock clock;
    private final org.springframework.context.MessageSource words;

    RosterController(RosterBoard board, RosterStore store, RosterPlanning planning, RosterPlans plans, Teams teams,
            StaffDirectory staff, ConsoleProblems problems, java.time.Clock clock,
            org.springframework.context.MessageSource words) {
        this.words = words;
        this.board = board;
        this.store = store;
        this.planning = planning;
        this.plans = plans;
        this.teams = teams;
        this.staff = staff;
        this.problems = problems;
        this.clock = clock;
    }

    /** A name beside an id, for the pages' choices and lists. */
    record Named(UUID id, String name) {
    }

    /** A swap request as the page lists it: names, never ids. */
    record SwapLine(UUID id, String requester, String colleague, LocalDate date, String reason, String state,
            boolean mine) {
    }

    /** A lead's change of a day as the page lists it. */
    record ChangeLine(UUID id, String agent, LocalDate date, String kind, String shift, String note) {
    }

    @GetMapping("/console/roster")
    String board(@RequestParam(required = false) String team, @RequestParam(required = false) String week,
            @RequestParam(defaultValue = "1") int weeks, @AuthenticationPrincipal StaffUser me, Locale locale,
            Model model) {
        StaffMember viewer = me.member();
        boolean lead = teams.leadsAnyone(viewer);
        List<TeamView> choosable = viewer.role().leads() ? teams.all() : teams.ledBy(viewer.id());
        TeamView chosen = team == null || team.isBlank() ? null
                : choosable.stream().filter(t -> t.id().toString().equals(team)).findFirst().orElse(null);
        int span = Math.clamp(weeks, 1, WEEKS_MAX);
        LocalDate from = monday(week);
        List<StaffMember> agents = lead ? agents(viewer, chosen) : List.of(viewer);
        List<StaffMember> everyone = staff.all();
        Map<UUID, String> names = everyone.stream()
                .collect(Collectors.toMap(StaffMember::id, StaffMember::displayName, (a, b) -> a));
        RosterBoard.Grid grid = board.grid(agents, from, span * 7, chosen == null ? null : chosen.id(), names);
        LocalDate to = from.plusDays(span * 7L - 1);

        model.addAttribute("lead", lead);
        // the words of the marks, looked up once for the thousands of cells (sick shows as leave to agents)
        Map<String, String> markWords = Map.of("off", words.getMessage("roster.off", null, locale),
                "leave", words.getMessage("roster.mark.leave", null, locale),
                "sick", words.getMessage(lead ? "roster.mark.sick" : "roster.mark.leave", null, locale),
                "extra", words.getMessage("roster.mark.extra", null, locale),
                "swap", words.getMessage("roster.mark.swap", null, locale),
                "swap-waiting", words.getMessage("roster.mark.swapWaiting", null, locale));
        Map<String, String> markClasses = Map.of("leave", "text-bg-warning", "sick", lead ? "text-bg-danger"
                : "text-bg-warning", "extra", "text-bg-info", "swap", "text-bg-secondary", "swap-waiting",
                "text-bg-light border");
        // each row's cells written at once (escaped), not by thousands of template processors
        model.addAttribute("rowCells", grid.rows().stream()
                .collect(Collectors.toMap(RosterBoard.Row::staffId, r -> RosterCells.html(r.cells(), markWords,
                        markClasses), (a, b) -> a)));
        model.addAttribute("teams", choosable);
        model.addAttribute("team", chosen);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("weeks", span);
        model.addAttribute("previous", from.minusWeeks(1));
        model.addAttribute("next", from.plusWeeks(1));
        model.addAttribute("grid", grid);
        model.addAttribute("shifts", planning.shifts());
        model.addAttribute("patterns", planning.patterns());
        model.addAttribute("tiers", AgentTier.values());
        model.addAttribute("defaultZone", plans.settings().defaultTimeZone());
        model.addAttribute("agents", agents.stream().map(a -> new Named(a.id(), a.displayName()))
                .sorted(Comparator.comparing(Named::name)).toList());
        model.addAttribute("handoverMinutes", plans.settings().handoverWindow().toMinutes());
        Set<UUID> shown = agents.stream().map(StaffMember::id).collect(Collectors.toSet());
        List<Swap> swaps = store.swaps(from, to.plusWeeks(WEEKS_MAX)).stream()
                .filter(s -> lead ? shown.contains(s.requesterId()) || shown.contains(s.colleagueId())
                        : s.involves(viewer.id()))
                .toList();
        model.addAttribute("swaps", swaps.stream().map(s -> new SwapLine(s.id(), names.get(s.requesterId()),
                names.get(s.colleagueId()), s.date(), s.reason(), s.state().code(),
                s.requesterId().equals(viewer.id()))).toList());
        model.addAttribute("mayDecide", lead);
        if (lead) {
            Map<UUID, String> shiftNames = planning.shifts().stream()
                    .collect(Collectors.toMap(s -> s.id(), s -> s.name()));
            model.addAttribute("changes", store.changes(from, to).stream().filter(c -> shown.contains(c.staffId()))
                    .map(c -> new ChangeLine(c.id(), names.get(c.staffId()), c.date(), c.kind().code(),
                            c.shiftId() == null ? null : shiftNames.get(c.shiftId()), c.note()))
                    .toList());
            Set<UUID> teamLeads = teams.all().stream().map(TeamView::leadId).filter(java.util.Objects::nonNull)
                    .collect(Collectors.toSet());
            model.addAttribute("dutyCandidates", everyone.stream().filter(StaffMember::enabled)
                    .filter(m -> m.role().leads() || teamLeads.contains(m.id()) || shown.contains(m.id()))
                    .map(m -> new Named(m.id(), m.displayName())).sorted(Comparator.comparing(Named::name)).toList());
            model.addAttribute("mayDepartment", viewer.role().leads());
        } else {
            model.addAttribute("changes", List.of());
        }
        model.addAttribute("colleagues", colleagues(viewer, everyone));
        return "workforce/roster";
    }

    @PostMapping("/console/roster/assign")
    String assign(@RequestParam(defaultValue = "") String subject, @RequestParam(defaultValue = "") String pattern,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String until,
            @RequestParam(defaultValue = "") String zone, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.assigned", () -> {
            UUID staffId = subject.startsWith("staff:") ? id(subject.substring(6), "subject") : null;
            UUID teamId = subject.startsWith("team:") ? id(subject.substring(5), "subject") : null;
            planning.assign(staffId, teamId, pattern.isBlank() ? null : id(pattern, "pattern"), from, until, zone,
                    me.member());
            return true;
        });
    }

    @PostMapping("/console/roster/days")
    String changeDay(@RequestParam(defaultValue = "") String agent, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String shift,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.dayChanged", () -> planning.changeDay(
                agent.isBlank() ? null : id(agent, "staff"), date, kind, shift.isBlank() ? null : id(shift, "shift"),
                note, me.member()));
    }

    @PostMapping("/console/roster/days/{id}/delete")
    String removeChange(@PathVariable UUID id, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.dayRemoved", () -> {
            planning.removeChange(id, me.member());
            return true;
        });
    }

    @PostMapping("/console/roster/minimums")
    String minimum(@RequestParam(defaultValue = "") String shift, @RequestParam(defaultValue = "") String tier,
            @RequestParam(defaultValue = "") String headcount, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.minimumSaved", () -> {
            planning.setMinimum(team.isBlank() ? null : id(team, "team"), shift.isBlank() ? null : id(shift, "shift"),
                    tier, number(headcount), me.member());
            return true;
        });
    }

    @PostMapping("/console/roster/duty-leads")
    String dutyLead(@RequestParam(defaultValue = "") String shift, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String lead, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.dutyLeadSaved", () -> {
            planning.setDutyLead(shift.isBlank() ? null : id(shift, "shift"), date,
                    lead.isBlank() ? null : id(lead, "lead"), me.member());
            return true;
        });
    }

    @PostMapping("/console/roster/swaps")
    String requestSwap(@RequestParam(defaultValue = "") String colleague, @RequestParam(defaultValue = "") String date,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String team,
            @RequestParam(defaultValue = "") String week, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.swapRequested", () -> planning.requestSwap(me.member(),
                colleague.isBlank() ? null : id(colleague, "colleague"), date, reason));
    }

    @PostMapping("/console/roster/swaps/{id}/{decision}")
    String decideSwap(@PathVariable UUID id, @PathVariable String decision,
            @RequestParam(defaultValue = "") String team, @RequestParam(defaultValue = "") String week,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        back(redirect, team, week);
        return attempt(locale, redirect, "roster.notice.swap." + switch (decision) {
            case "approve", "refuse", "withdraw" -> decision;
            default -> throw new org.playerdesk.system.errors.NotFoundException("decision", decision);
        }, () -> {
            switch (decision) {
                case "approve" -> planning.decideSwap(id, true, me.member());
                case "refuse" -> planning.decideSwap(id, false, me.member());
                default -> planning.withdrawSwap(id, me.member());
            }
            return true;
        });
    }

    /** Everyone the viewer leads: a team's members, or (no team) all the agents of their games or teams. */
    private List<StaffMember> agents(StaffMember viewer, TeamView team) {
        if (team != null) {
            return new ArrayList<>(staff.byIds(team.memberIds()).values());
        }
        if (viewer.role().leads()) {
            return staff.all().stream().filter(StaffMember::enabled).filter(m -> m.can(Permission.WORK_TICKETS))
                    .filter(m -> viewer.role().seesAllGames() || m.id().equals(viewer.id())
                            || m.gameIds().stream().anyMatch(viewer.gameIds()::contains))
                    .toList();
        }
        Set<UUID> people = teams.ledBy(viewer.id()).stream().flatMap(t -> t.memberIds().stream())
                .collect(Collectors.toSet());
        return new ArrayList<>(staff.byIds(people).values());
    }

    /** Whom an agent may ask to swap with: colleagues who work tickets of a game they share. */
    private static List<Named> colleagues(StaffMember viewer, List<StaffMember> everyone) {
        return everyone.stream().filter(StaffMember::enabled).filter(m -> m.can(Permission.WORK_TICKETS))
                .filter(m -> !m.id().equals(viewer.id()))
                .filter(m -> viewer.role().seesAllGames() || m.role().seesAllGames()
                        || m.gameIds().stream().anyMatch(viewer.gameIds()::contains))
                .map(m -> new Named(m.id(), m.displayName())).sorted(Comparator.comparing(Named::name)).toList();
    }

    /** The Monday of the week asked for, else of this week in the roster's zone. */
    private LocalDate monday(String week) {
        LocalDate day;
        try {
            day = week == null || week.isBlank() ? null : LocalDate.parse(week.strip());
        } catch (DateTimeParseException e) {
            day = null;
        }
        if (day == null) {
            day = LocalDate.now(clock.withZone(ZoneId.of(plans.settings().defaultTimeZone())));
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static void back(RedirectAttributes redirect, String team, String week) {
        if (!team.isBlank()) {
            redirect.addAttribute("team", team);
        }
        if (!week.isBlank()) {
            redirect.addAttribute("week", week);
        }
    }

    private String attempt(Locale locale, RedirectAttributes redirect, String notice, Supplier<?> action) {
        problems.attempt(action, notice, "roster.field.", locale, redirect);
        return "redirect:/console/roster";
    }

    static UUID id(String text, String field) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(field, "invalid.choose");
        }
    }

    static Integer number(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("headcount", "invalid.wholeNumber");
        }
    }

}
