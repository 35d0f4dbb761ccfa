package org.playerdesk.knowledge.internal;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Articles are written in Markdown (CommonMark). Raw HTML in an article is shown as text, never
 * passed through, and link targets such as {@code javascript:} are dropped, so an article can't
 * carry a script into the help center or the console. An image is kept only when it is one of
 * this site's article images ({@code /help/{game}/articles/images/{id}}) or an {@code https}
 * address; any other (a {@code data:} or {@code http:} address, a path elsewhere on the site)
 * is shown as its alternative text. Images load lazily.
 */
@Component
public class Markdown {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                    attributes.put("class", "img-fluid");
                }
            }).build();

    public String html(String markdown) {
        if (markdown == null) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new UnsafeImages());
        return renderer.render(document);
    }

    static boolean safeImage(String url) {
        if (url == null) {
            return false;
        }
        String address = url.strip();
        return ArticleImages.OWN_URL.matcher(address).matches()
                || (address.regionMatches(true, 0, "https://", 0, 8) && address.length() > 8
                        && address.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'));
    }

    /** Replaces each image whose address is not safe by its alternative text. */
    private static final class UnsafeImages extends AbstractVisitor {

        @Override
        public void visit(Image image) {
            if (safeImage(image.getDestination())) {
                return;
            }
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }
            });
            image.insertBefore(new Text(alt.toString()));
            image.unlink();
        }
    }

}
