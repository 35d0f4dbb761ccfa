package org.playerdesk.insight.digest;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.insight.web.InsightNav;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The developer digests of a game (/console/insight/digests): its bug reports and suggestions of a
 * period in groups, each marked "reported to developers" with the tracker's reference from here;
 * and the digest's settings (schedule, email recipients, webhook). For administrators and the
 * game's supervisors.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
class DigestController {

    static final String PAGE = "/console/insight/digests";
    static final int DAYS_MAX = 92;
    private static final String LABELS = "insight.digest.field.";

    private final DeveloperDigests digests;
    private final DigestSettings settings;
    private final GameCatalog games;
    private final ConsoleProblems problems;
    private final ErrorTexts errorTexts;
    private final java.time.Clock clock;

    DigestController(DeveloperDigests digests, DigestSettings settings, GameCatalog games, ConsoleProblems problems,
            ErrorTexts errorTexts, java.time.Clock clock) {
        this.clock = clock;
        this.digests = digests;
        this.settings = settings;
        this.games = games;
        this.problems = problems;
        this.errorTexts = errorTexts;
    }

    @GetMapping(PAGE)
    String digest(@RequestParam(required = false) String game, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale, HttpServletResponse response) {
        model.addAttribute(InsightNav.MODEL, InsightNav.of(me, "digests"));
        List<GameInfo> managed = managed(me);
        GameInfo chosen = game == null ? (managed.isEmpty() ? null : managed.getFirst()) : managedGame(game, me);
        model.addAttribute("games", managed);
        model.addAttribute("game", chosen);
        if (chosen == null) {
            return "insight/digests";
        }
        ZoneId zone = digests.zone(chosen.id());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate end = today.minusDays(1);
        LocalDate start = end.minusDays(6);
        try {
            if (to != null && !to.isBlank()) {
                end = LocalDate.parse(to.strip());
            }
            if (from != null && !from.isBlank()) {
                start = LocalDate.parse(from.strip());
            }
            if (end.isBefore(start) || start.plusDays(DAYS_MAX).isBefore(end)) {
                throw InvalidInput.of("period", "insight.digest.error.period", DAYS_MAX);
            }
        } catch (DateTimeParseException | InvalidInput bad) {
            InvalidInput invalid = bad instanceof InvalidInput i ? i
                    : InvalidInput.of("period", "invalid.date", bad instanceof DateTimeParseException p
                            ? p.getParsedString() : "");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("from", from);
            model.addAttribute("to", to);
            model.addAttribute("errors", errorTexts.fieldTexts(invalid, LABELS, locale));
            return "insight/digests";
        }
        model.addAttribute("from", start.toString());
        model.addAttribute("to", end.toString());
        model.addAttribute("zone", zone);
        model.addAttribute("digest", digests.digest(chosen.id(), start, end));
        return "insight/digests";
    }

    @PostMapping(PAGE + "/groups/{id}/reported")
    String markReported(@PathVariable UUID id, @RequestParam(required = false) String reference,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo game = games.get(digests.gameOf(id));
        managedGame(game.code(), me);
        problems.attempt(() -> {
            digests.markReported(id, reference, me.member());
            return id;
        }, "insight.digest.notice.reported", LABELS, locale, redirect);
        return "redirect:" + UriComponentsBuilder.fromPath(PAGE).queryParam("game", game.code())
                .queryParamIfPresent("from", java.util.Optional.ofNullable(blankToNull(from)))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(blankToNull(to)))
                .fragment("group-" + id).encode().build().toUriString();
    }

    @GetMapping(PAGE + "/settings")
    String settings(@RequestParam String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = managedGame(game, me);
        DigestSettings.View view = settings.of(chosen.id());
        return settingsPage(model, chosen, view, new DigestSettings.Form(view.schedule().code(), view.recipientText(),
                view.language(), view.webhookUrl(), null), List.of());
    }

    @PostMapping(PAGE + "/settings")
    String saveSettings(@RequestParam String game, DigestSettings.Form form, @AuthenticationPrincipal StaffUser me,
            Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo chosen = managedGame(game, me);
        try {
            settings.save(chosen.id(), form, me.member());
        } catch (InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return settingsPage(model, chosen, settings.of(chosen.id()), form,
                    errorTexts.fieldTexts(invalid, LABELS, locale));
        }
        redirect.addFlashAttribute("notice", "insight.digest.notice.saved");
        return "redirect:" + PAGE + "/settings?game=" + chosen.code();
    }

    private String settingsPage(Model model, GameInfo game, DigestSettings.View view, DigestSettings.Form form,
            List<ErrorTexts.FieldText> errors) {
        model.addAttribute("game", game);
        model.addAttribute("settings", view);
        // the secret is write-only: never sent back to the page
        model.addAttribute("form", new DigestSettings.Form(form.schedule(), form.recipients(), form.language(),
                form.webhookUrl(), null));
        model.addAttribute("schedules", DigestSchedule.values());
        model.addAttribute("languages", DigestSettings.LANGUAGES);
        model.addAttribute("zone", digests.zone(game.id()));
        model.addAttribute("errors", errors);
        return "insight/digest-settings";
    }

    private List<GameInfo> managed(StaffUser me) {
        List<GameInfo> served = games.servedBy(me.gameScope());
        return served.stream().filter(g -> DeveloperDigests.canManage(me.member(), g.id())).toList();
    }

    private GameInfo managedGame(String code, StaffUser me) {
        GameInfo game = games.byCode(code == null ? "" : code).orElseThrow(() -> new NotFoundException("game", code));
        if (!DeveloperDigests.canManage(me.member(), game.id())) {
            throw new AccessDeniedException("not a lead of this game");
        }
        return game;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
