package org.playerdesk.knowledge.internal;

import java.util.function.Predicate;

import org.playerdesk.system.markdown.SafeMarkdown;
import org.springframework.stereotype.Component;

/**
 * Articles are written in Markdown, shown through the one safe renderer ({@link SafeMarkdown}):
 * raw HTML shown as text, unsafe link targets dropped, an image kept only when it is one of this
 * site's article images ({@code /help/{game}/articles/images/{id}}) or an {@code https} address.
 */
@Component
public class Markdown {

    private static final Predicate<String> ARTICLE_IMAGES = ArticleImages.OWN_URL.asMatchPredicate();

    private final SafeMarkdown safe;

    Markdown(SafeMarkdown safe) {
        this.safe = safe;
    }

    public String html(String markdown) {
        return safe.html(markdown, ARTICLE_IMAGES);
    }
}
