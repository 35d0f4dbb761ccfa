package org.playerdesk.workforce.internal.roster;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffDirectory;
import org.playerdesk.access.StaffMember;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.workforce.Teams;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The forecast (/console/roster/forecast): a game's expected tickets per hour of a week beside its agents on shift. */
@Controller
@PreAuthorize("hasAnyAuthority('WORK_TICKETS', 'ASSIGN_OTHERS')")
class RosterForecastController {

    private final RosterForecast forecast;
    private final GameCatalog games;
    private final StaffDirectory staff;
    private final Teams teams;
    private final java.time.Clock clock;

    RosterForecastController(RosterForecast forecast, GameCatalog games, StaffDirectory staff, Teams teams,
            java.time.Clock clock) {
        this.forecast = forecast;
        this.games = games;
        this.staff = staff;
        this.teams = teams;
        this.clock = clock;
    }

    @GetMapping("/console/roster/forecast")
    String forecast(@RequestParam(required = false) UUID game, @RequestParam(required = false) String week,
            @AuthenticationPrincipal StaffUser me, Model model) {
        if (!teams.leadsAnyone(me.member())) {
            throw new AccessDeniedException("the forecast is for leads");
        }
        List<GameInfo> served = games.servedBy(me.gameScope());
        GameInfo chosen = served.stream().filter(g -> g.id().equals(game)).findFirst()
                .orElse(served.isEmpty() ? null : served.getFirst());
        model.addAttribute("games", served);
        model.addAttribute("game", chosen);
        if (chosen == null) {
            model.addAttribute("days", List.of());
            return "workforce/roster-forecast";
        }
        java.time.ZoneId zone = games.profile(chosen.id()).zone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate monday = monday(week, today.plusWeeks(1));
        List<StaffMember> agents = staff.servingGame(chosen.id()).stream().filter(StaffMember::enabled)
                .filter(m -> m.can(Permission.WORK_TICKETS)).toList();
        model.addAttribute("from", monday);
        model.addAttribute("previous", monday.minusWeeks(1));
        model.addAttribute("next", monday.plusWeeks(1));
        model.addAttribute("zone", zone.getId());
        model.addAttribute("days", forecast.week(chosen.id(), zone, monday, today, agents));
        return "workforce/roster-forecast";
    }

    private static LocalDate monday(String week, LocalDate fallback) {
        LocalDate day;
        try {
            day = week == null || week.isBlank() ? fallback : LocalDate.parse(week.strip());
        } catch (DateTimeParseException e) {
            day = fallback;
        }
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}
