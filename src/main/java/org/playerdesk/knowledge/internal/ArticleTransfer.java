package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.knowledge.internal.ArticleFiles.Row;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.InputValidation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A game's articles out and back in: a zip of Markdown files with front matter, or one CSV
 * ({@link ArticleFiles} reads and writes them). An import matches rows to articles by id (a row
 * without an id, or with an id this game does not have, makes a new article), says per row what
 * it would do, and changes nothing at all when a single row is wrong: a dry run and a real import
 * give the same report.
 */
@Service
public class ArticleTransfer {

    /** What an import does, or would do, with one row. */
    public enum Action {
        CREATE, UPDATE, UNCHANGED, ERROR
    }

    /** One row of the report: where it came from, its title, what happens, and what is wrong with it. */
    public record RowReport(String source, String title, Action action, List<InvalidInput.FieldError> errors) {
    }

    /** The whole report; {@code applied} when the articles were changed. */
    public record Report(List<RowReport> rows, boolean applied) {

        public long count(Action action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }

        public boolean hasErrors() {
            return count(Action.ERROR) > 0;
        }
    }

    private final KnowledgeBase knowledge;
    private final ArticleRepository articles;
    private final CategoryRepository categories;
    private final InputValidation validation;

    ArticleTransfer(KnowledgeBase knowledge, ArticleRepository articles, CategoryRepository categories,
            InputValidation validation) {
        this.knowledge = knowledge;
        this.articles = articles;
        this.categories = categories;
        this.validation = validation;
    }

    // ---- export

    @Transactional(readOnly = true)
    public byte[] csv(UUID gameId) {
        return ArticleFiles.csv(rows(gameId));
    }

    @Transactional(readOnly = true)
    public byte[] zip(UUID gameId) {
        return ArticleFiles.zip(rows(gameId));
    }

    private List<Row> rows(UUID gameId) {
        return ordered(gameId).stream().map(this::row).toList();
    }

    private List<Article> ordered(UUID gameId) {
        return knowledge.articles(gameId).stream()
                .sorted((a, b) -> a.getId().compareTo(b.getId())).toList();
    }

    private Row row(Article article) {
        String category = article.categoryId() == null ? ""
                : categories.findById(article.categoryId()).map(Category::name).orElse("");
        return new Row("articles/" + article.locale() + "/" + article.getId() + ".md", article.getId().toString(),
                article.locale(), article.audience().code(), category, Boolean.toString(article.announcement()),
                Boolean.toString(article.published()), article.draftTitle(), article.draftBody());
    }

    // ---- import

    /**
     * Checks every row and, unless {@code dryRun} or a row is wrong, applies them all in this one
     * transaction (a failure on the way undoes every row).
     */
    @Transactional
    public Report importArticles(UUID gameId, String fileName, byte[] content, boolean dryRun, String by) {
        List<Row> rows = ArticleFiles.read(fileName, content);
        List<Planned> plan = new ArrayList<>();
        for (Row row : rows) {
            plan.add(plan(gameId, row));
        }
        List<RowReport> report = plan.stream().map(p -> new RowReport(p.row.source(), p.row.title(), p.action, p.errors))
                .toList();
        boolean wrong = plan.stream().anyMatch(p -> p.action == Action.ERROR);
        if (dryRun || wrong) {
            return new Report(report, false);
        }
        for (Planned p : plan) {
            apply(gameId, p, by);
        }
        return new Report(report, true);
    }

    private record Planned(Row row, Action action, List<InvalidInput.FieldError> errors, Article existing, ArticleDraft draft,
            String category, boolean publish) {
    }

    private Planned plan(UUID gameId, Row row) {
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        String locale = row.locale() == null || row.locale().isBlank() ? "zh-CN" : row.locale().strip();
        if (!locale.equals("zh-CN") && !locale.equals("en")) {
            errors.add(new InvalidInput.FieldError("locale", "invalid.oneOf", "zh-CN, en"));
        }
        Boolean announcement = bool(row.announcement(), false, "announcement", errors);
        Boolean publish = bool(row.published(), true, "published", errors);
        String category = row.category() == null || row.category().isBlank() ? null : row.category().strip();
        if (category != null && category.length() > Category.NAME_MAX) {
            errors.add(new InvalidInput.FieldError("category", "invalid.tooLong", Category.NAME_MAX));
        }
        Article existing = null;
        if (row.id() != null && !row.id().isBlank()) {
            try {
                existing = articles.findById(UUID.fromString(row.id().strip()))
                        .filter(a -> a.gameId().equals(gameId)).orElse(null);
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("id", "invalid.id"));
            }
        }
        ArticleDraft draft = null;
        String related = existing == null ? "" : ArticleForm.of(existing, List.of()).related();
        try {
            draft = new ArticleForm(locale, "", row.audience() == null || row.audience().isBlank() ? "public"
                    : row.audience().strip(), announcement, row.title(), row.body(), related, null).check(validation);
        } catch (InvalidInput e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            return new Planned(row, Action.ERROR, errors, existing, null, category, false);
        }
        if (existing == null) {
            return new Planned(row, Action.CREATE, List.of(), null, draft, category, publish);
        }
        boolean same = existing.draftTitle().equals(draft.title()) && existing.draftBody().equals(draft.body())
                && existing.locale().equals(draft.locale()) && existing.audience() == draft.audience()
                && existing.announcement() == draft.announcement() && existing.published() == publish
                && (!publish || !existing.hasUnpublishedChanges())
                && Objects.equals(categoryName(existing), category);
        return new Planned(row, same ? Action.UNCHANGED : Action.UPDATE, List.of(), existing, draft, category, publish);
    }

    private String categoryName(Article article) {
        return article.categoryId() == null ? null
                : categories.findById(article.categoryId()).map(Category::name).orElse(null);
    }

    private void apply(UUID gameId, Planned p, String by) {
        if (p.action == Action.UNCHANGED) {
            return;
        }
        ArticleDraft d = p.draft;
        String categoryId = p.category == null ? "" : category(gameId, d.locale(), p.category).toString();
        ArticleForm form = new ArticleForm(d.locale(), categoryId, d.audience().code(), d.announcement(), d.title(),
                d.body(), String.join(" ", d.related().stream().map(UUID::toString).toList()), null);
        if (p.existing == null) {
            knowledge.create(gameId, form, by, p.publish);
        } else {
            knowledge.save(p.existing.getId(), form, by, p.publish);
            if (!p.publish && p.existing.published()) {
                knowledge.unpublish(p.existing.getId(), by);
            }
        }
    }

    private UUID category(UUID gameId, String locale, String name) {
        Optional<Category> found = categories.findByGameIdAndLocaleOrderByPositionAscNameAsc(gameId, locale).stream()
                .filter(c -> c.name().equals(name)).findFirst();
        return found.orElseGet(() -> knowledge.addCategory(gameId, locale, name)).getId();
    }

    private static Boolean bool(String value, boolean absent, String field, List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1", "是" -> true;
            case "false", "no", "0", "否" -> false;
            default -> {
                errors.add(new InvalidInput.FieldError(field, "invalid.oneOf", "true, false"));
                yield absent;
            }
        };
    }
}
