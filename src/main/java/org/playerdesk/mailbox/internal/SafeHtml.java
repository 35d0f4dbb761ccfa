package org.playerdesk.mailbox.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

/**
 * A player's HTML mail made safe to show in the console: jsoup's allow-list (no scripts, styles,
 * frames, forms or event handlers; links only to http, https and mailto), then every remote image
 * blocked: its address moves to {@code data-remote-src} and the agent may ask for it, so that
 * opening a ticket tells no sender that the mail was read. Images carried in the mail itself
 * ({@code cid:}) are kept as the message's attachments and named in their place.
 */
final class SafeHtml {

    private static final Safelist ALLOWED = Safelist.relaxed()
            .addProtocols("img", "src", "cid")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer")
            .addEnforcedAttribute("a", "target", "_blank");

    private SafeHtml() {
    }

    static String clean(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String safe = Jsoup.clean(html, "", ALLOWED, new Document.OutputSettings().prettyPrint(false));
        Document page = Jsoup.parseBodyFragment(safe);
        for (Element image : page.select("img[src]")) {
            String src = image.attr("src");
            image.removeAttr("src");
            if (src.regionMatches(true, 0, "cid:", 0, 4)) {
                image.replaceWith(new Element("span").addClass("mail-inline-image").text("[" + src.substring(4) + "]"));
            } else {
                image.attr("data-remote-src", src).attr("alt", image.attr("alt").isBlank() ? src : image.attr("alt"));
            }
        }
        page.outputSettings().prettyPrint(false);
        return page.body().html();
    }

    /** The text of an HTML mail, line breaks kept, for a mail without a plain-text part. */
    static String text(String html) {
        Document page = Jsoup.parse(html);
        page.outputSettings().prettyPrint(false);
        page.select("br").after("\\n");
        page.select("p, div, tr, li, blockquote, h1, h2, h3, h4").before("\\n");
        page.select("blockquote").prepend("\\n> ");
        String text = page.text().replace("\\n", "\n");
        StringBuilder lines = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            lines.append(line.strip()).append('\n');
        }
        return lines.toString().replaceAll("\n{3,}", "\n\n").strip();
    }
}
