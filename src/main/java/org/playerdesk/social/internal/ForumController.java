package org.playerdesk.social.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.access.StaffUser;
import org.playerdesk.enforcement.Enforcement;
import org.playerdesk.enforcement.ViolationTypeView;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ConsoleProblems;
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

/**
 * The forum desk ({@code /console/forum}): the posts of the reader's games, newest first, by game,
 * source and flag; each with its history and the forms to flag it, remove it, warn its author, link
 * the author to a game account and record a violation through the game's ladder.
 */
@Controller
@RequestMapping("/console/forum")
@PreAuthorize("hasAuthority('WORK_TICKETS')")
class ForumController {

    static final int PAGE = 100;

    private final ForumDesk desk;
    private final SocialSources sources;
    private final GameCatalog games;
    private final Enforcement enforcement;
    private final ConsoleProblems problems;

    ForumController(ForumDesk desk, SocialSources sources, GameCatalog games, Enforcement enforcement,
            ConsoleProblems problems) {
        this.desk = desk;
        this.sources = sources;
        this.games = games;
        this.enforcement = enforcement;
        this.problems = problems;
    }

    @GetMapping
    String posts(@RequestParam(required = false) UUID game, @RequestParam(required = false) UUID source,
            @RequestParam(required = false) String flag, @AuthenticationPrincipal StaffUser me, Model model) {
        List<GameInfo> mine = games.all().stream().filter(g -> me.serves(g.id())).toList();
        UUID chosen = game != null && me.serves(game) ? game : null;
        model.addAttribute("games", mine);
        model.addAttribute("gameNames", mine.stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name)));
        model.addAttribute("sources", sources.all().stream()
                .filter(s -> me.serves(s.gameId()) && (chosen == null || s.gameId().equals(chosen)))
                .map(Source::shown).toList());
        model.addAttribute("game", chosen);
        model.addAttribute("source", source);
        model.addAttribute("flag", flag);
        model.addAttribute("back", org.springframework.web.util.UriComponentsBuilder.fromPath("/console/forum")
                .queryParamIfPresent("game", java.util.Optional.ofNullable(chosen))
                .queryParamIfPresent("source", java.util.Optional.ofNullable(source))
                .queryParamIfPresent("flag", java.util.Optional.ofNullable(flag).filter(f -> !f.isBlank()))
                .build().encode().toUriString());
        model.addAttribute("flags", ForumDesk.FLAGS);
        model.addAttribute("posts", desk.posts(mine.stream().map(GameInfo::id).toList(), chosen, source, flag, PAGE));
        model.addAttribute("violationTypes", chosen == null ? List.<ViolationTypeView>of() : enforcement.types(chosen));
        return "social/forum";
    }

    @PostMapping("/posts/{id}/flag")
    String flag(@PathVariable UUID id, @RequestParam(defaultValue = "") String flag,
            @RequestParam(required = false) String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> {
            desk.flag(id, flag, me.member());
            return id;
        }, "social.notice.flagged", "social.field.", locale, redirect);
        return back(back);
    }

    @PostMapping("/posts/{id}/remove")
    String remove(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        Boolean done = problems.attempt(() -> desk.remove(id, note, me.member()), "social.notice.removed",
                "social.field.", locale, redirect);
        if (Boolean.FALSE.equals(done)) {
            redirect.addFlashAttribute("notice", "social.notice.removalFailed");
        }
        return back(back);
    }

    @PostMapping("/posts/{id}/warn")
    String warn(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> {
            desk.warn(id, note, me.member());
            return id;
        }, "social.notice.warned", "social.field.", locale, redirect);
        return back(back);
    }

    @PostMapping("/posts/{id}/link")
    String link(@PathVariable UUID id, @RequestParam(defaultValue = "") String account,
            @RequestParam(required = false) String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> {
            desk.link(id, account, me.member());
            return id;
        }, "social.notice.linked", "social.field.", locale, redirect);
        return back(back);
    }

    @PostMapping("/posts/{id}/violation")
    String violation(@PathVariable UUID id, @RequestParam(defaultValue = "") String type,
            @RequestParam(defaultValue = "") String severity, @RequestParam(defaultValue = "") String note,
            @RequestParam(required = false) String back, @AuthenticationPrincipal StaffUser me, Locale locale,
            RedirectAttributes redirect) {
        problems.attempt(() -> desk.penalize(id, type, severity, note, me.member()), "social.notice.violation",
                "social.field.", locale, redirect);
        return back(back);
    }

    /** Back to the list as it was filtered; only a path of this page, never elsewhere. */
    static String back(String back) {
        return back != null && back.startsWith("/console/forum") && !back.contains("//") && !back.contains("\\")
                ? "redirect:" + back : "redirect:/console/forum";
    }
}
