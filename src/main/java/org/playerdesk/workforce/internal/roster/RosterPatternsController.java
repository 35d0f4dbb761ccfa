package org.playerdesk.workforce.internal.roster;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.playerdesk.access.StaffUser;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.workforce.RosterPlanning;
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
 * Shifts and patterns (/console/roster/patterns), for leads: the named shifts with their hours, the
 * patterns as their days in order, and the seed's ready-made ones (早班, 中班, 夜班; 三班倒, 做三休一) in
 * the reader's language for a department that has none yet.
 */
@Controller
@PreAuthorize("hasAnyAuthority('WORK_TICKETS', 'ASSIGN_OTHERS')")
class RosterPatternsController {

    private final RosterPlanning planning;
    private final Teams teams;
    private final ConsoleProblems problems;

    RosterPatternsController(RosterPlanning planning, Teams teams, ConsoleProblems problems) {
        this.planning = planning;
        this.teams = teams;
        this.problems = problems;
    }

    @GetMapping("/console/roster/patterns")
    String patterns(@AuthenticationPrincipal StaffUser me, Model model) {
        requireLead(me);
        var shifts = planning.shifts();
        var names = shifts.stream().collect(java.util.stream.Collectors.toMap(s -> s.id(), s -> s.name()));
        model.addAttribute("shifts", shifts);
        model.addAttribute("patterns", planning.patterns().stream().map(p -> new PatternLine(p.id(), p.name(),
                p.weekly(), p.days().stream().map(d -> d == null ? null : names.get(d)).toList())).toList());
        model.addAttribute("dayCount", org.playerdesk.workforce.internal.roster.Pattern.DAYS_MAX);
        return "workforce/roster-patterns";
    }

    /** A pattern as the page lists it: its days by shift name (null: a day off). */
    record PatternLine(UUID id, String name, boolean weekly, List<String> days) {
    }

    @PostMapping("/console/roster/shifts")
    String defineShift(@RequestParam(required = false) UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String start, @RequestParam(defaultValue = "") String end,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        return attempt(locale, redirect, "roster.notice.shiftSaved",
                () -> planning.defineShift(id, name, start, end, me.member()));
    }

    @PostMapping("/console/roster/shifts/{id}/delete")
    String removeShift(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        return attempt(locale, redirect, "roster.notice.shiftRemoved", () -> {
            planning.removeShift(id, me.member());
            return true;
        });
    }

    /** A pattern's days come as one text of shift names or 休 / off, separated by commas or blanks. */
    @PostMapping("/console/roster/patterns")
    String definePattern(@RequestParam(required = false) UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "false") boolean weekly, @RequestParam(required = false) List<String> days,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        return attempt(locale, redirect, "roster.notice.patternSaved", () -> planning.definePattern(id, name, weekly,
                days == null ? List.of() : trimmed(days, weekly), me.member()));
    }

    @PostMapping("/console/roster/patterns/{id}/delete")
    String removePattern(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        return attempt(locale, redirect, "roster.notice.patternRemoved", () -> {
            planning.removePattern(id, me.member());
            return true;
        });
    }

    @PostMapping("/console/roster/ready-made")
    String readyMade(@AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        return attempt(locale, redirect, "roster.notice.readyMade",
                () -> planning.addReadyMade(locale.getLanguage().equals("zh"), me.member()));
    }

    /**
     * The form offers a row of day choices; the cycle is the choices up to the last one set (a
     * weekly pattern is always its seven days).
     */
    static List<String> trimmed(List<String> days, boolean weekly) {
        if (weekly) {
            return days.size() >= 7 ? days.subList(0, 7) : days;
        }
        int last = -1;
        for (int i = 0; i < days.size(); i++) {
            if (days.get(i) != null && !days.get(i).isBlank()) {
                last = i;
            }
        }
        // a trailing day off belongs to the cycle when chosen as "off" explicitly
        for (int i = last + 1; i < days.size(); i++) {
            if ("off".equals(days.get(i))) {
                last = i;
            }
        }
        return days.subList(0, last + 1).stream().map(d -> "off".equals(d) ? "" : d).toList();
    }

    private void requireLead(StaffUser me) {
        if (!teams.leadsAnyone(me.member())) {
            throw new AccessDeniedException("only leads define shifts and patterns");
        }
    }

    private String attempt(Locale locale, RedirectAttributes redirect, String notice, Supplier<?> action) {
        problems.attempt(action, notice, "roster.field.", locale, redirect);
        return "redirect:/console/roster/patterns";
    }
}
