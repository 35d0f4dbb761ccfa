package org.playerdesk.knowledge.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.knowledge.Audience;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.locale.Locales;

/** The article editor's fields as typed; {@link #check()} turns them into a draft or refuses them field by field. */
record ArticleForm(String locale, String categoryId, String audience, Boolean announcement, String title, String body,
        String related) {

    static final int RELATED_MAX = 10;

    static ArticleForm of(Article article) {
        return new ArticleForm(article.locale(), article.categoryId() == null ? "" : article.categoryId().toString(),
                article.audience().code(), article.announcement(), article.draftTitle(), article.draftBody(),
                String.join("\n", article.related().stream().map(UUID::toString).toList()));
    }

    static ArticleForm blank(String locale) {
        return new ArticleForm(locale, "", Audience.PUBLIC.code(), false, "", "", "");
    }

    ArticleDraft check() {
        FieldErrors errors = new FieldErrors();
        String language = errors.line("locale", locale, 10, true);
        Audience who = null;
        try {
            who = Audience.of(audience);
        } catch (IllegalArgumentException e) {
            errors.add("audience", "invalid.oneOf", "public, internal");
        }
        String checkedTitle = errors.line("title", title, Article.TITLE_MAX, true);
        String checkedBody = errors.text("body", body, Article.BODY_MAX, true);
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
            errors.add("related", "invalid.tooMany", RELATED_MAX);
        }
        errors.throwIfAny();
        return new ArticleDraft(Locales.tag(Locales.supported(language)), category, who, Boolean.TRUE.equals(announcement),
                checkedTitle, checkedBody, relatedIds);
    }

    private static UUID uuid(String text, String field, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "invalid.id");
            return null;
        }
    }
}
