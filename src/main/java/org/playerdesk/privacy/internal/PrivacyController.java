package org.playerdesk.privacy.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.AuditLog;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.privacy.PrivacyRequestView;
import org.playerdesk.privacy.PrivacyRequests;
import org.playerdesk.privacy.RequestKind;
import org.playerdesk.system.errors.ConsoleProblems;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data requests page ({@code /console/privacy}) for those who handle players' data requests
 * (supervisors and administrators): a new request for a player's account, the requests of the
 * games one serves with their deadline (overdue ones flagged), an erasure carried out, an export
 * downloaded (audited), the game's deadline; and the game's retention periods with the dry run of
 * what a run would purge now, set and run by administrators only (each change of a period and each
 * run audited).
 */
@Controller
@RequestMapping("/console/privacy")
@PreAuthorize("hasAuthority('HANDLE_PRIVACY_REQUESTS')")
class PrivacyController {

    record GameChoice(String code, String name) {
    }

    /** A request as the page shows it: the view and its game's name. */
    record RequestRow(PrivacyRequestView request, String gameName) {
    }

    /** A line of the dry run as the page shows it. */
    record DryRunRow(String gameName, String kind, int days, long rows) {
    }

    private final PrivacyRequests requests;
    private final RetentionSweep retention;
    private final PrivacyStore store;
    private final GameCatalog games;
    private final ConsoleProblems problems;
    private final AuditLog audit;
    private final java.time.Clock clock;

    PrivacyController(PrivacyRequests requests, RetentionSweep retention, PrivacyStore store, GameCatalog games,
            ConsoleProblems problems, AuditLog audit, java.time.Clock clock) {
        this.audit = audit;
        this.clock = clock;
        this.requests = requests;
        this.retention = retention;
        this.store = store;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping
    String page(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        List<GameInfo> served = games.servedBy(me.gameScope());
        Map<UUID, String> names = new LinkedHashMap<>();
        served.forEach(g -> names.put(g.id(), g.name()));
        model.addAttribute("games", served.stream().map(g -> new GameChoice(g.code(), g.name())).toList());
        model.addAttribute("game", chosen);
        model.addAttribute("kinds", List.of(RequestKind.values()));
        model.addAttribute("requests", requests.recent(me.member(), names.keySet(), 200).stream()
                .map(r -> new RequestRow(r, names.get(r.gameId()))).toList());
        model.addAttribute("deadlineDays", requests.deadlineDays(chosen.id()));
        model.addAttribute("retentionKinds", RetentionSweep.KINDS);
        model.addAttribute("periods", store.retention(chosen.id()));
        model.addAttribute("administrator", me.role().seesAllGames());
        List<DryRunRow> dryRun = new ArrayList<>();
        retention.dryRun(names.keySet()).forEach(line -> dryRun.add(new DryRunRow(names.get(line.gameId()),
                line.kind(), line.days(), line.rows())));
        model.addAttribute("dryRun", dryRun);
        return "privacy/requests";
    }

    /** A request received by a member (by phone, email or in person) for a player of the game. */
    @PostMapping("/requests")
    String receive(@RequestParam String game, @RequestParam(required = false) String accountId,
            @RequestParam(required = false) String kind, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        problems.attempt(() -> requests.receive(chosen.id(), accountId, kind, "console", me.getUsername(), null, null),
                "privacy.received", "privacy.field.", locale, redirect);
        return "redirect:/console/privacy?game=" + chosen.code();
    }

    @PostMapping("/requests/{id}/erase")
    String erase(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> requests.erase(id, me.member()), "privacy.erased", locale, redirect);
        return "redirect:/console/privacy";
    }

    @GetMapping("/requests/{id}/download")
    ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me) {
        PrivacyRequests.Download file = requests.download(id, me.member());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName()).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").contentLength(file.size()).body(file.content());
    }

    @PostMapping("/deadline")
    String deadline(@RequestParam String game, @RequestParam(required = false) String deadlineDays,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        problems.attempt(() -> {
            requests.setDeadlineDays(chosen.id(), number("deadlineDays", deadlineDays), me.member());
            return true;
        }, "privacy.deadline.saved", "privacy.field.", locale, redirect);
        return "redirect:/console/privacy?game=" + chosen.code();
    }

    /** The game's retention periods in days per data kind (blank: kept for ever); administrators only. */
    @PostMapping("/retention")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    String retention(@RequestParam String game, @RequestParam Map<String, String> form,
            @AuthenticationPrincipal StaffUser me, Locale locale, RedirectAttributes redirect) {
        GameInfo chosen = games.chosen(game, me.gameScope());
        problems.attempt(() -> {
            List<InvalidInput.FieldError> errors = new ArrayList<>();
            Map<String, Integer> periods = new LinkedHashMap<>();
            for (String kind : RetentionSweep.KINDS) {
                String given = form.get(kind);
                if (given == null || given.isBlank()) {
                    periods.put(kind, null);
                    continue;
                }
                try {
                    int days = Integer.parseInt(given.strip());
                    if (days < 1 || days > 36_500) {
                        errors.add(new InvalidInput.FieldError(kind, "invalid.range", 1, 36_500));
                    }
                    periods.put(kind, days);
                } catch (NumberFormatException notANumber) {
                    errors.add(new InvalidInput.FieldError(kind, "invalid.wholeNumber"));
                }
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
            Map<String, Integer> before = store.retention(chosen.id());
            List<String> changes = new ArrayList<>();
            periods.forEach((kind, days) -> {
                Integer was = before.get(kind);
                if (!java.util.Objects.equals(was, days)) {
                    changes.add(kind + ": " + period(was) + " -> " + period(days));
                }
                store.setRetention(chosen.id(), kind, days, me.getUsername(), clock.instant());
            });
            if (!changes.isEmpty()) {
                // who, when and from where the audit log adds; what changed, kind by kind
                audit.record(me.member(), chosen.id(), "privacy.retention", "game", chosen.id().toString(),
                        String.join("; ", changes));
            }
            return true;
        }, "privacy.retention.saved", "privacy.retention.kind.", locale, redirect);
        return "redirect:/console/privacy?game=" + chosen.code();
    }

    /** Runs the retention sweep now (after the dry run on the page); administrators only. */
    @PostMapping("/retention/run")
    @PreAuthorize("hasRole('ADMIN')")
    String run(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me,
            RedirectAttributes redirect) {
        Optional<List<RetentionSweep.Line>> ran = retention.runIfFree();
        List<RetentionSweep.Line> lines = ran.orElse(List.of());
        audited(me, ran);
        long rows = lines.stream().mapToLong(RetentionSweep.Line::rows).sum();
        redirect.addFlashAttribute("notice", "privacy.retention.ran");
        redirect.addFlashAttribute("retentionRows", rows);
        return "redirect:/console/privacy" + (game == null ? "" : "?game=" + game);
    }

    /**
     * A run from the page in the audit log: for each game it swept, the rows per kind with the
     * period; a run that swept nothing, once without a game, saying why.
     */
    private void audited(StaffUser me, Optional<List<RetentionSweep.Line>> ran) {
        if (ran.isEmpty() || ran.get().isEmpty()) {
            audit.record(me.member(), null, "privacy.retention.run", "retention", "run", ran.isEmpty()
                    ? "nothing done: another run was under way" : "nothing done: no game has a retention period");
            return;
        }
        Map<UUID, List<String>> perGame = new LinkedHashMap<>();
        ran.get().forEach(line -> perGame.computeIfAbsent(line.gameId(), g -> new ArrayList<>())
                .add(line.kind() + " (" + period(line.days()) + "): " + line.rows() + (line.rows() == 1 ? " row" : " rows")));
        perGame.forEach((gameId, counts) -> audit.record(me.member(), gameId, "privacy.retention.run", "game",
                gameId.toString(), String.join("; ", counts)));
    }

    /** A period as the audit log words it. */
    private static String period(Integer days) {
        return days == null ? "kept for ever" : days + (days == 1 ? " day" : " days");
    }

    /** An export gone or never written, a request or game outside one's games: the error page, 404. */
    @ExceptionHandler({ NotFoundException.class, MethodArgumentTypeMismatchException.class })
    ModelAndView notFound() {
        ModelAndView page = new ModelAndView("error", HttpStatus.NOT_FOUND);
        page.addObject("status", HttpStatus.NOT_FOUND.value());
        return page;
    }

    private static Integer number(String field, String text) {
        if (text == null || text.isBlank()) {
            throw InvalidInput.of(field, "invalid.blank");
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of(field, "invalid.wholeNumber");
        }
    }
}
