package org.playerdesk.knowledge.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.playerdesk.access.Permission;
import org.playerdesk.access.StaffUser;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.knowledge.SimilarQuestions;
import org.playerdesk.knowledge.TicketFinder;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's knowledge base: the articles of a game with their search, the Markdown editor
 * with preview, drafts and published versions, categories, and (for admins) the synonyms.
 * Staff who work tickets of a game write its articles.
 */
@Controller
@RequestMapping("/console/knowledge")
class ArticleConsoleController {

    private final KnowledgeBase knowledge;
    private final ArticleSearch search;
    private final SynonymBook synonyms;
    private final Markdown markdown;
    private final MessageSource messages;
    private final TicketFinder ticketFinder;
    private final ServedGames served;
    private final TicketBackfill backfill;
    private final ArticleImages images;
    private final ErrorTexts errorTexts;
    private final SimilarQuestions similarQuestions;

    ArticleConsoleController(ServedGames served, KnowledgeBase knowledge, ArticleSearch search, SynonymBook synonyms,
            Markdown markdown, MessageSource messages, TicketFinder ticketFinder, TicketBackfill backfill,
            ArticleImages images, ErrorTexts errorTexts, SimilarQuestions similarQuestions) {
        this.similarQuestions = similarQuestions;
        this.errorTexts = errorTexts;
        this.images = images;
        this.backfill = backfill;
        this.ticketFinder = ticketFinder;
        this.served = served;
        this.knowledge = knowledge;
        this.search = search;
        this.synonyms = synonyms;
        this.markdown = markdown;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(required = false) String game, @RequestParam(required = false) String q,
            @AuthenticationPrincipal StaffUser me, Model model) {
        GameInfo info = served.chosen(game, me);
        frame(model, info, me);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("articles", knowledge.articles(info.id()));
        model.addAttribute("categories", knowledge.categories(info.id()));
        if (q != null && !q.isBlank()) {
            model.addAttribute("hits", search.search(info.id(), null, q, true, 20));
        }
        return "knowledge/articles";
    }

    /** Full-text search over the tickets of the games the reader serves: subject, messages, nickname. */
    @GetMapping("/tickets")
    String tickets(@RequestParam(required = false) String q, @AuthenticationPrincipal StaffUser me, Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("hits", q == null || q.isBlank() ? List.of() : ticketFinder.find(me.gameScope(), q, 50));
        model.addAttribute("isAdmin", me.can(Permission.MANAGE_STAFF));
        model.addAttribute("backfill", me.can(Permission.MANAGE_STAFF) ? backfill.progress() : null);
        return "knowledge/tickets";
    }

    @GetMapping("/articles/new")
    String blank(@RequestParam String game, @AuthenticationPrincipal StaffUser me, Model model, Locale locale) {
        GameInfo info = served.writable(game, me);
        return editor(model, info, null, ArticleForm.blank(Locales.tag(locale)), Map.of(), me);
    }

    @PostMapping("/articles")
    String create(@RequestParam String game, @ModelAttribute ArticleForm form,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        GameInfo info = served.writable(game, me);
        try {
            Article article = knowledge.create(info.id(), form, me.member().username(), "publish".equals(action));
            redirect.addFlashAttribute("notice", "publish".equals(action) ? "kb.notice.published" : "kb.notice.saved");
            return "redirect:/console/knowledge/articles/" + article.getId();
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(model, info, null, form, describe(e, locale), me);
        }
    }

    @GetMapping("/articles/{id}")
    String edit(@PathVariable UUID id, @AuthenticationPrincipal StaffUser me, Model model) {
        Article article = knowledge.article(id);
        GameInfo info = served.readable(article.gameId(), me);
        return editor(model, info, article, ArticleForm.of(article, similarQuestions.of(id)), Map.of(), me);
    }

    @PostMapping("/articles/{id}")
    String save(@PathVariable UUID id, @ModelAttribute ArticleForm form,
            @RequestParam(defaultValue = "save") String action, @AuthenticationPrincipal StaffUser me, Model model,
            Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        Article article = knowledge.article(id);
        GameInfo info = served.writable(article.gameId(), me);
        try {
            if ("unpublish".equals(action)) {
                knowledge.unpublish(id, me.member().username());
            } else {
                knowledge.save(id, form, me.member().username(), "publish".equals(action));
            }
            redirect.addFlashAttribute("notice", "kb.notice." + switch (action) {
                case "publish" -> "published";
                case "unpublish" -> "unpublished";
                default -> "saved";
            });
            return "redirect:/console/knowledge/articles/" + id;
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(model, info, article, form, describe(e, locale), me);
        }
    }

    /** The editor's preview: the Markdown as the help center will show it (htmx swaps it in). */
    @PostMapping(path = "/preview", produces = "text/html")
    @ResponseBody
    String preview(@RequestParam(required = false) String body) {
        String text = body == null ? "" : body;
        return markdown.html(text.length() > Article.BODY_MAX ? text.substring(0, Article.BODY_MAX) : text);
    }

    @PostMapping("/categories")
    String addCategory(@RequestParam String game, @RequestParam(required = false) String name,
            @RequestParam(required = false) String locale, @AuthenticationPrincipal StaffUser me,
            Locale readerLocale, RedirectAttributes redirect) {
        GameInfo info = served.writable(game, me);
        try {
            knowledge.addCategory(info.id(), locale, name);
            redirect.addFlashAttribute("notice", "kb.notice.categoryAdded");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("problem", messages.getMessage("kb.error.categoryName", null, readerLocale));
        }
        return "redirect:/console/knowledge?game=" + info.code();
    }

    @GetMapping("/synonyms")
    String synonymsPage(@RequestParam(required = false) String game, @AuthenticationPrincipal StaffUser me,
            Model model) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        frame(model, info, me);
        model.addAttribute("text", synonyms.asText(info.id()));
        model.addAttribute("errors", Map.of());
        return "knowledge/synonyms";
    }

    @PostMapping("/synonyms")
    String saveSynonyms(@RequestParam String game, @RequestParam(required = false) String text,
            @AuthenticationPrincipal StaffUser me, Model model, Locale locale, HttpServletResponse response,
            RedirectAttributes redirect) {
        GameInfo info = served.chosen(game, me);
        ServedGames.adminOnly(me);
        try {
            synonyms.replace(info.id(), text);
        } catch (InvalidInput e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            frame(model, info, me);
            model.addAttribute("text", text);
            model.addAttribute("errors", errorTexts.firstByField(e, locale));
            return "knowledge/synonyms";
        }
        redirect.addFlashAttribute("notice", "kb.notice.synonymsSaved");
        return "redirect:/console/knowledge/synonyms?game=" + info.code();
    }

    private String editor(Model model, GameInfo game, Article article, ArticleForm form, Map<String, String> errors,
            StaffUser me) {
        frame(model, game, me);
        model.addAttribute("article", article);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", knowledge.categories(game.id()));
        model.addAttribute("history", article == null ? List.of() : knowledge.history(article.getId()));
        model.addAttribute("publishedHtml", article == null || !article.published() ? null : markdown.html(article.body()));
        model.addAttribute("imageMaxKb", images.maxSize() / 1024);
        return "knowledge/editor";
    }

    private void frame(Model model, GameInfo game, StaffUser me) {
        model.addAttribute("game", game);
        model.addAttribute("games", served.of(me));
        model.addAttribute("canWrite", me.can(Permission.WORK_TICKETS));
        model.addAttribute("isAdmin", me.can(Permission.MANAGE_STAFF));
    }

    /** Field errors in the reader's language: a text per field where one is written ({@code kb.error.<field>}). */
    private Map<String, String> describe(InvalidInput e, Locale locale) {
        return errorTexts.firstByField(e, "kb.error.", locale);
    }
}
