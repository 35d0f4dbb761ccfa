package org.playerdesk.knowledge.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.KnowledgeEvents;
import org.playerdesk.knowledge.SimilarQuestions;
import org.playerdesk.system.entity.Ids;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Writing the knowledge base: categories, article drafts, publishing, and the players' votes. */
@Service
@Transactional
public class KnowledgeBase {

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final CategoryRepository categories;
    private final Clock clock;
    private final InputValidation validation;
    private final ApplicationEventPublisher events;
    private final SimilarQuestions similarQuestions;

    KnowledgeBase(ArticleRepository articles, ArticleVersionRepository versions, CategoryRepository categories,
            Clock clock, InputValidation validation, ApplicationEventPublisher events,
            SimilarQuestions similarQuestions) {
        this.events = events;
        this.similarQuestions = similarQuestions;
        this.articles = articles;
        this.versions = versions;
        this.categories = categories;
        this.clock = clock;
        this.validation = validation;
    }

    /** A category's name as given: one line, without the blanks around it. */
    record CategoryName(
            @NotBlank(message = "{invalid.blank}") @Size(max = Category.NAME_MAX, message = "{invalid.tooLong}")
            @SingleLine String name) {
    }

    public Category addCategory(UUID gameId, String locale, String name) {
        String checked = validation.check(new CategoryName(tidy(name))).name();
        String tag = Locales.tag(Locales.supported(locale));
        int position = categories.findByGameIdAndLocaleOrderByPositionAscNameAsc(gameId, tag).size();
        return categories.save(new Category(gameId, tag, checked, position, clock.instant()));
    }

    @Transactional(readOnly = true)
    public List<Category> categories(UUID gameId) {
        return categories.findByGameIdOrderByPositionAscNameAsc(gameId);
    }

    @Transactional(readOnly = true)
    public List<Category> categories(UUID gameId, String locale) {
        return categories.findByGameIdAndLocaleOrderByPositionAscNameAsc(gameId, locale);
    }

    @Transactional(readOnly = true)
    public List<Article> articles(UUID gameId) {
        return articles.findByGameIdOrderByUpdatedAtDesc(gameId);
    }

    /** Published public articles of a game in one language, latest first. */
    @Transactional(readOnly = true)
    public List<Article> published(UUID gameId, String locale) {
        return articles.published(gameId, locale);
    }

    @Transactional(readOnly = true)
    public Article article(UUID id) {
        return articles.findById(id).orElseThrow(() -> new NotFoundException("article", id));
    }

    @Transactional(readOnly = true)
    public List<Article> all(List<UUID> ids) {
        return articles.findAllById(ids);
    }

    @Transactional(readOnly = true)
    public List<ArticleVersion> history(UUID articleId) {
        return versions.findByArticleIdOrderByVersionDesc(articleId);
    }

    /** A new article holding the draft; published only when {@code publish}. */
    public Article create(UUID gameId, ArticleForm form, String by, boolean publish) {
        ArticleDraft draft = checked(gameId, form);
        Instant now = clock.instant();
        Article article = new Article(gameId, draft.locale(), draft.audience(), by, now);
        article.edit(draft, by, now);
        articles.save(article);
        questions(article, draft);
        if (publish) {
            publish(article, by, now);
        }
        return article;
    }

    public Article save(UUID id, ArticleForm form, String by, boolean publish) {
        Article article = article(id);
        ArticleDraft draft = checked(article.gameId(), form);
        Instant now = clock.instant();
        article.edit(draft, by, now);
        questions(article, draft);
        if (publish) {
            publish(article, by, now);
        }
        return article;
    }

    /**
     * The draft's similar questions become the article's at once (they are not versioned with its
     * text). Written with SQL, so a new article is flushed first; an import, which carries none,
     * never flushes article by article.
     */
    private void questions(Article article, ArticleDraft draft) {
        if (draft.questions() != null) {
            if (!draft.questions().isEmpty()) {
                articles.flush();
            }
            similarQuestions.replace(article.getId(), article.gameId(), draft.questions());
        }
    }

    /** An article from an import: published, in the named category of its language (made when missing). */
    public UUID importArticle(UUID gameId, String locale, String category, Audience audience, boolean announcement,
            String title, String body, List<String> questions, String by) {
        String tag = Locales.tag(Locales.supported(locale));
        Optional<Article> existing = articles.findByGameIdOrderByUpdatedAtDesc(gameId).stream()
                .filter(a -> a.draftTitle().equals(title)).findFirst();
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        UUID categoryId = category == null ? null : categories.findByGameIdAndLocaleOrderByPositionAscNameAsc(gameId, tag)
                .stream().filter(c -> c.name().equals(category)).findFirst()
                .orElseGet(() -> addCategory(gameId, tag, category)).getId();
        ArticleForm form = new ArticleForm(tag, categoryId == null ? "" : categoryId.toString(), audience.code(),
                announcement, title, body, "", questions.isEmpty() ? null : String.join("\n", questions));
        return create(gameId, form, by, true).getId();
    }

    /** Takes an article out of the help center and the search; the draft stays. */
    public Article unpublish(UUID id, String by) {
        Article article = article(id);
        article.unpublish(by, clock.instant());
        return article;
    }

    public void vote(UUID id, boolean helpful) {
        int counted = helpful ? articles.countHelpful(id) : articles.countUnhelpful(id);
        if (counted == 0) {
            throw new NotFoundException("article", id);
        }
    }

    /** A player read this article from the ticket form of a game's help center and left without a ticket. */
    public void deflected(UUID gameId, UUID id) {
        if (articles.countDeflection(id) == 0) {
            throw new NotFoundException("article", id);
        }
        events.publishEvent(new KnowledgeEvents.HelpDeflected(Ids.next(), gameId, id, clock.instant()));
    }

    private void publish(Article article, String by, Instant now) {
        article.publish(by, now);
        versions.save(new ArticleVersion(article, by, now));
    }

    /** The form's draft, refused when it is not one or names a category or articles of another game. */
    private ArticleDraft checked(UUID gameId, ArticleForm form) {
        ArticleDraft draft = form.check(validation);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (draft.categoryId() != null && categories.findById(draft.categoryId())
                .filter(c -> c.gameId().equals(gameId)).isEmpty()) {
            errors.add(new InvalidInput.FieldError("categoryId", "invalid.category"));
        }
        if (!draft.related().isEmpty() && articles.findAllById(draft.related()).stream()
                .filter(a -> a.gameId().equals(gameId)).count() != draft.related().size()) {
            errors.add(new InvalidInput.FieldError("related", "invalid.article"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return draft;
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
