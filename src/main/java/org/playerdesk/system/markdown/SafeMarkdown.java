package org.playerdesk.system.markdown;

import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Markdown (CommonMark) made safe to show on a page: raw HTML is shown as text, never passed
 * through, and a link is kept only to an {@code http}, {@code https} or {@code mailto} address or
 * a path: one to any other scheme ({@code javascript:}, {@code vbscript:}, {@code data:}, ...) is
 * shown as its text, so the text can't carry a script or a forged page into the help center or the
 * console. An image is kept only from an {@code https} address,
 * or an address the caller names as its own (the knowledge base's article images); any other (a
 * {@code data:} or {@code http:} address, a path elsewhere on the site) is shown as its alternative
 * text. Images load lazily.
 */
@Component
public class SafeMarkdown {

    private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(LINK_SCHEMES))
            .attributeProviderFactory(context -> (node, tagName, attributes) -> {
                if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                    attributes.put("class", "img-fluid");
                }
            }).build();

    /** The HTML of the text, images from {@code https} addresses only. */
    public String html(String markdown) {
        return html(markdown, address -> false);
    }

    /** The HTML of the text, images from {@code https} addresses and from those {@code ownImages} accepts. */
    public String html(String markdown, Predicate<String> ownImages) {
        if (markdown == null) {
            return "";
        }
        Node document = parser.parse(markdown);
        document.accept(new UnsafeImages(ownImages));
        document.accept(new UnsafeLinks());
        return renderer.render(document);
    }

    static boolean safeImage(String url, Predicate<String> ownImages) {
        if (url == null) {
            return false;
        }
        String address = url.strip();
        return ownImages.test(address)
                || (address.regionMatches(true, 0, "https://", 0, 8) && address.length() > 8
                        && address.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>'));
    }

    static boolean safeLink(String url) {
        if (url == null) {
            return false;
        }
        // browsers ignore whitespace and control characters inside a scheme ("java\tscript:")
        String address = url.codePoints().filter(c -> c > ' ' && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        Matcher scheme = SCHEME.matcher(address);
        return !scheme.find() || LINK_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }

    /** Replaces each link to another scheme than http, https or mailto by its text. */
    private static final class UnsafeLinks extends AbstractVisitor {

        @Override
        public void visit(Link link) {
            if (safeLink(link.getDestination())) {
                visitChildren(link);
                return;
            }
            Node child = link.getFirstChild();
            while (child != null) {
                Node next = child.getNext();
                link.insertBefore(child);
                child = next;
            }
            link.unlink();
        }
    }

    /** Replaces each image whose address is not safe by its alternative text. */
    private static final class UnsafeImages extends AbstractVisitor {

        private final Predicate<String> ownImages;

        UnsafeImages(Predicate<String> ownImages) {
            this.ownImages = ownImages;
        }

        @Override
        public void visit(Image image) {
            if (safeImage(image.getDestination(), ownImages)) {
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
