package org.playerdesk.insight.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameProfile;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.insight.web.InsightNav;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The reader's report subscriptions ({@code /console/insight/subscriptions}: list, add, remove)
 * and the daily reports kept in the console ({@code /console/insight/daily}: by day, one opened).
 */
@Controller
class ScheduleController {

    static final int DAYS_LISTED = 90;

    /** A choice of a form's list: its value and its words. */
    record Choice(String value, String label) {
    }

    /** What the subscription form sends back when refused. */
    record SubscriptionForm(String report, String game, String frequency, String time) {
    }

    private final Subscriptions subscriptions;
    private final DailyReports daily;
    private final DailyView view;
    private final GameCatalog games;
    private final ErrorTexts problems;
    private final Words words;
    private final Clock clock;

    ScheduleController(Subscriptions subscriptions, DailyReports daily, DailyView view, GameCatalog games,
            ErrorTexts problems, Words words, Clock clock) {
        this.subscriptions = subscriptions;
        this.daily = daily;
        this.view = view;
        this.games = games;
        this.problems = problems;
        this.words = words;
        this.clock = clock;
    }

    @GetMapping("/console/insight/subscriptions")
    String subscriptions(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "subscriptions"));
        model.addAttribute("subscriptions", subscriptions.mine(me, locale));
        model.addAttribute("reports", subscriptions.reports(locale));
        model.addAttribute("games", games.profiles().stream().filter(g -> !g.archived() && me.serves(g.id()))
                .map(g -> new Choice(g.id().toString(), g.name())).toList());
        model.addAttribute("frequencies", Arrays.stream(Frequency.values())
                .map(f -> new Choice(f.code(), words.text("insight.schedule.frequency." + f.code(), locale))).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new SubscriptionForm("", "", Frequency.DAILY.code(), "08:00"));
        }
        return "insight/subscriptions";
    }

    @PostMapping("/console/insight/subscriptions")
    String subscribe(@RequestParam(defaultValue = "") String report, @RequestParam(defaultValue = "") String game,
            @RequestParam(defaultValue = "") String frequency, @RequestParam(defaultValue = "") String time,
            @AuthenticationPrincipal StaffUser me, Locale locale, Model model, RedirectAttributes redirect) {
        try {
            subscriptions.subscribe(me, report, game, frequency, time, locale);
        } catch (InvalidInput invalid) {
            model.addAttribute("form", new SubscriptionForm(report, game, frequency, time));
            model.addAttribute("errors", problems.firstByField(invalid, locale));
            return subscriptions(me, locale, model);
        }
        redirect.addFlashAttribute("notice", "insight.schedule.saved");
        return "redirect:/console/insight/subscriptions";
    }

    @PostMapping("/console/insight/subscriptions/{id}/remove")
    String remove(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        try {
            subscriptions.remove(me, id);
            redirect.addFlashAttribute("notice", "insight.schedule.removed");
        } catch (NotFoundException gone) {
            // removed meanwhile, or another member's: nothing to remove here
            redirect.addFlashAttribute("problem", "insight.schedule.notFound");
        }
        return "redirect:/console/insight/subscriptions";
    }

    @GetMapping("/console/insight/daily")
    String dailyReports(@AuthenticationPrincipal StaffUser me, Locale locale, Model model) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "daily"));
        List<DailyReports.Entry> entries = daily.list(me, DAYS_LISTED);
        model.addAttribute("entries", entries.stream()
                .map(e -> Map.of("gameId", e.gameId().toString(), "gameName", e.gameName(), "day", e.day().toString(),
                        "dayText", words.day(e.day(), locale)))
                .toList());
        return "insight/daily";
    }

    @GetMapping("/console/insight/daily/{gameId}/{day}")
    String dailyReport(@PathVariable UUID gameId, @PathVariable String day, @AuthenticationPrincipal StaffUser me,
            Locale locale, Model model) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "daily"));
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new NotFoundException("daily report", day);
        }
        GameProfile game = daily.game(gameId).orElseThrow(() -> new NotFoundException("game", gameId));
        List<DailyReports.Stored> parts = daily.open(me, gameId, date);
        model.addAttribute("report", view.report(gameId, game.name(), date, parts, clock.instant(), locale));
        return "insight/daily-report";
    }
}
