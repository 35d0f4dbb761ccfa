package org.playerdesk.knowledge.internal;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The help center's answers: categories, announcements, the search, the article pages with
 * "did this help?", and the beacon that counts a deflection (the suggestions the ticket form asks
 * for while the player writes are {@link HelpSuggestionsApi}). Only published public articles of the game are shown,
 * and only the categories that hold one.
 */
@Controller
@RequestMapping("/help/{game}/articles")
class HelpArticlesController {

    private final GameCatalog games;
    private final KnowledgeBase knowledge;
    private final ArticleSearch search;
    private final Markdown markdown;
    private final MessageSource messages;

    HelpArticlesController(GameCatalog games, KnowledgeBase knowledge, ArticleSearch search, Markdown markdown,
            MessageSource messages) {
        this.games = games;
        this.knowledge = knowledge;
        this.search = search;
        this.markdown = markdown;
        this.messages = messages;
    }

    @GetMapping
    String index(@PathVariable String game, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID category, Model model, Locale locale) {
        GameInfo info = game(game);
        String language = Locales.tag(locale);
        frame(model, info, locale);
        List<Article> published = knowledge.published(info.id(), language);
        // players see a category only for the public articles in it: internal categories (客服内部)
        // and empty ones (made by an import, or holding only drafts) stay out of sight
        Set<UUID> shown = published.stream().map(Article::categoryId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        model.addAttribute("categories", knowledge.categories(info.id(), language).stream()
                .filter(c -> shown.contains(c.getId())).toList());
        model.addAttribute("announcements", published.stream().filter(Article::announcement).limit(5).toList());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("category", category);
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", search.search(info.id(), language, q, false, 20));
        } else {
            model.addAttribute("articles", published.stream()
                    .filter(a -> category == null || category.equals(a.categoryId())).limit(50).toList());
        }
        return "knowledge/help-index";
    }

    @GetMapping("/{id}")
    String article(@PathVariable String game, @PathVariable("id") String id,
            @RequestParam(required = false) String from, Model model, Locale locale, HttpServletResponse response) {
        GameInfo info = game(game);
        Article article = readable(info, id);
        frame(model, info, locale);
        model.addAttribute("article", article);
        model.addAttribute("html", markdown.html(article.body()));
        // opened from a suggestion of the ticket form: leaving it without a ticket is a deflection
        model.addAttribute("fromForm", "form".equals(from));
        model.addAttribute("related", knowledge.all(List.copyOf(article.related())).stream()
                .filter(a -> a.published() && a.audience() == Audience.PUBLIC).toList());
        response.setHeader("Cache-Control", CacheControl.noCache().getHeaderValue());
        return "knowledge/help-article";
    }

    @PostMapping("/{id}/votes")
    String vote(@PathVariable String game, @PathVariable("id") String id, @RequestParam(required = false) String helpful,
            RedirectAttributes redirect) {
        GameInfo info = game(game);
        Article article = readable(info, id);
        knowledge.vote(article.getId(), "yes".equals(helpful));
        redirect.addFlashAttribute("voted", true);
        return "redirect:/help/" + info.code() + "/articles/" + id;
    }

    /** Sent by the ticket form's script when a player read a suggested article and left without submitting. */
    @PostMapping("/{id}/deflections")
    ResponseEntity<Void> deflected(@PathVariable String game, @PathVariable("id") String id) {
        GameInfo info = game(game);
        knowledge.deflected(info.id(), readable(info, id).getId());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model, Locale locale) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("helpTitle", messages.getMessage("help.title", null, locale));
        model.addAttribute("helpHome", "#");
        return "help/not-found";
    }

    private GameInfo game(String code) {
        return games.byCode(code).orElseThrow(() -> new NotFoundException("game", code));
    }

    /** A published public article of this game; anything else is "not found", whatever the reason. */
    private Article readable(GameInfo game, String id) {
        UUID articleId;
        try {
            articleId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("article", id);
        }
        Article article = knowledge.article(articleId);
        if (!article.gameId().equals(game.id()) || !article.published() || article.audience() != Audience.PUBLIC) {
            throw new NotFoundException("article", id);
        }
        return article;
    }

    private void frame(Model model, GameInfo game, Locale locale) {
        model.addAttribute("game", game);
        model.addAttribute("helpTitle", messages.getMessage("help.center.title", new Object[] {game.name()}, locale));
        model.addAttribute("helpHome", "/help/" + game.code());
    }
}
