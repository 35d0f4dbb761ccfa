package org.playerdesk.social.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.system.errors.ConsoleProblems;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The social sources of each game ({@code /console/admin/social}), for administrators of the games:
 * the platform, its credentials (write-only: a page never shows a stored secret) and the webhook
 * address to give the platform.
 */
@Controller
@RequestMapping("/console/admin/social")
@PreAuthorize("hasAuthority('MANAGE_GAMES')")
class SourceAdminController {

    private final SocialSources sources;
    private final GameCatalog games;
    private final ConsoleProblems problems;

    SourceAdminController(SocialSources sources, GameCatalog games, ConsoleProblems problems) {
        this.sources = sources;
        this.games = games;
        this.problems = problems;
    }

    @GetMapping
    String list(@RequestParam(required = false) UUID edit, Model model) {
        List<GameInfo> all = games.all();
        model.addAttribute("sources", sources.all().stream().map(Source::shown).toList());
        model.addAttribute("games", all);
        model.addAttribute("gameNames", all.stream().collect(Collectors.toMap(GameInfo::id, GameInfo::name)));
        model.addAttribute("platforms", List.of(Platform.values()).stream().map(Platform::code).toList());
        model.addAttribute("editing", edit == null ? null : sources.get(edit).shown());
        return "social/sources";
    }

    @PostMapping
    String create(@RequestParam(required = false) UUID game, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String platform, @RequestParam(defaultValue = "") String secret,
            @RequestParam(defaultValue = "") String appId, @RequestParam(defaultValue = "") String appSecret,
            @RequestParam(defaultValue = "") String publicKey, @RequestParam(defaultValue = "") String moderationUrl,
            @RequestParam(defaultValue = "false") boolean enabled, Locale locale, RedirectAttributes redirect) {
        problems.attempt(() -> sources.create(new SocialSources.Form(game, name, platform, secret, appId, appSecret,
                publicKey, moderationUrl, enabled)), "social.notice.saved", "social.field.", locale, redirect);
        return "redirect:/console/admin/social";
    }

    @PostMapping("/{id}")
    String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String secret, @RequestParam(defaultValue = "") String appId,
            @RequestParam(defaultValue = "") String appSecret, @RequestParam(defaultValue = "") String publicKey,
            @RequestParam(defaultValue = "") String moderationUrl,
            @RequestParam(defaultValue = "false") boolean enabled, Locale locale, RedirectAttributes redirect) {
        Source old = sources.get(id);
        problems.attempt(() -> sources.update(id, new SocialSources.Form(old.gameId(), name, old.platform().code(),
                secret, appId, appSecret, publicKey, moderationUrl, enabled)), "social.notice.saved", "social.field.",
                locale, redirect);
        return "redirect:/console/admin/social?edit=" + id;
    }

}
