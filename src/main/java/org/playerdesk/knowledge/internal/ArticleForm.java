package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.knowledge.Audience;
import org.playerdesk.knowledge.SimilarQuestions;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.PlainText;
import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The article editor's fields as typed; {@link #check(InputValidation)} turns them into a draft or
 * refuses them field by field.
 */
record ArticleForm(String locale, String categoryId, String audience, Boolean announcement, String title, String body,
        String related, String questions) {

    static final int RELATED_MAX = 10;

    /** The article's fields; its similar questions one per line. */
    static ArticleForm of(Article article, List<SimilarQuestions.Question> questions) {
        return new ArticleForm(article.locale(), article.categoryId() == null ? "" : article.categoryId().toString(),
                article.audience().code(), article.announcement(), article.draftTitle(), article.draftBody(),
                String.join("\n", article.related().stream().map(UUID::toString).toList()),
                String.join("\n", questions.stream().map(SimilarQuestions.Question::text).toList()));
    }

    static ArticleForm blank(String locale) {
        return new ArticleForm(locale, "", Audience.PUBLIC.code(), false, "", "", "", "");
    }

    /**
     * The editor's fields in the order their errors are told, the texts without the blanks around
     * them (an empty one as none). The audience, the category and the related articles are read in
     * code: a code and ids.
     */
    record Fields(
            @NotBlank(message = "{invalid.blank}") @Size(max = 10, message = "{invalid.tooLong}") @SingleLine
            String locale,
            String audience,
            @NotBlank(message = "{invalid.blank}") @Size(max = Article.TITLE_MAX, message = "{invalid.tooLong}")
            @SingleLine String title,
            @NotBlank(message = "{invalid.blank}") @Size(max = Article.BODY_MAX, message = "{invalid.tooLong}")
            @PlainText String body,
            String categoryId,
            String related) {
    }

    /** The draft the fields make; every field's errors at once when they make none. */
    ArticleDraft check(InputValidation validation) {
        Fields fields = new Fields(tidy(locale), audience, tidy(title), tidy(body), categoryId, related);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(fields));
        Audience who = null;
        try {
            who = Audience.of(audience);
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError("audience", "invalid.oneOf", "public, internal"));
        }
        UUID category = uuid(categoryId, "categoryId", errors);
        List<UUID> relatedIds = new ArrayList<>();
        for (String line : related == null ? new String[0] : related.split("[\\s,]+")) {
            if (!line.isBlank()) {
                UUID id = uuid(line, "related", errors);
                if (id != null && !relatedIds.contains(id)) {
                    relatedIds.add(id);
                }
            }
        }
        if (relatedIds.size() > RELATED_MAX) {
            errors.add(new InvalidInput.FieldError("related", "invalid.tooMany", RELATED_MAX));
        }
        List<String> similar = questions == null ? null : questions(questions, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(InputValidation.inDeclaredOrder(Fields.class, errors));
        }
        return new ArticleDraft(Locales.tag(Locales.supported(fields.locale())), category, who,
                Boolean.TRUE.equals(announcement), fields.title(), fields.body(), relatedIds, similar);
    }

    /** The similar questions, one per line (blank and repeated lines dropped), each and all within bounds. */
    private static List<String> questions(String text, List<InvalidInput.FieldError> errors) {
        List<String> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String tidy = SimilarQuestions.tidy(line);
            if (!tidy.isEmpty() && !lines.contains(tidy)) {
                lines.add(tidy);
            }
        }
        if (lines.stream().anyMatch(l -> l.length() > SimilarQuestions.QUESTION_MAX)) {
            errors.add(new InvalidInput.FieldError("questions", "invalid.tooLong", SimilarQuestions.QUESTION_MAX));
        }
        if (lines.size() > SimilarQuestions.PER_ARTICLE_MAX) {
            errors.add(new InvalidInput.FieldError("questions", "invalid.tooMany", SimilarQuestions.PER_ARTICLE_MAX));
        }
        return lines;
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UUID uuid(String text, String field, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(new InvalidInput.FieldError(field, "invalid.id"));
            return null;
        }
    }
}
