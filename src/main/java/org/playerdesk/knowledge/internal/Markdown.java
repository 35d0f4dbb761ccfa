package org.playerdesk.knowledge.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Articles are written in Markdown (CommonMark). Raw HTML in an article is shown as text, never
 * passed through, and link targets such as {@code javascript:} are dropped, so an article can't
 * carry a script into the help center or the console.
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        return markdown == null ? "" : renderer.render(parser.parse(markdown));
    }
}
