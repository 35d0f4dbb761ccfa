package org.playerdesk.access.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.playerdesk.system.locale.Locales;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * The console top bar's links and keyboard shortcuts' list as HTML, made from
 * {@code fragments/top-bar} once for each set of authorities ({@link TopBar}) and language and kept:
 * the same forty-odd links, each with its condition, link and text, were otherwise made again on
 * every console page. The request attribute {@code topBarParts} carries them to the frame
 * (fragments/layout), which inserts them as they are; where there is none (a reader who is not
 * signed in, a language PlayerDesk does not speak) the frame renders the fragments itself.
 */
public record TopBarParts(String links, String shortcuts) {

    static final String NAME = "topBarParts";

    /** Makes and keeps the parts; one per application. */
    static final class Kept {

        private final ObjectProvider<ThymeleafViewResolver> views;
        /** Bounded: the sets of authorities of a department's roles, times the two languages. */
        private final ConcurrentMap<Key, TopBarParts> kept = new ConcurrentHashMap<>();

        Kept(ObjectProvider<ThymeleafViewResolver> views) {
            this.views = views;
        }

        /** The reader's parts, made at the first request that needs them; null where none are kept. */
        TopBarParts of(TopBar bar, HttpServletRequest request, HttpServletResponse response) {
            Locale locale = RequestContextUtils.getLocale(request);
            if (!bar.signedIn() || !Locales.SUPPORTED.contains(locale)) {
                return null;
            }
            Key key = new Key(bar, locale);
            TopBarParts parts = kept.get(key);
            if (parts == null) {
                parts = new TopBarParts(render("links", locale, request, response),
                        render("shortcuts", locale, request, response));
                kept.putIfAbsent(key, parts);
            }
            return parts;
        }

        private String render(String fragment, Locale locale, HttpServletRequest request,
                HttpServletResponse response) {
            try {
                View view = views.getObject().resolveViewName("fragments/top-bar :: " + fragment, locale);
                Captured captured = new Captured(response);
                view.render(Map.of(), request, captured);
                return captured.text();
            } catch (Exception failed) {
                throw new IllegalStateException("the top bar's " + fragment + " could not be made", failed);
            }
        }

        private record Key(TopBar bar, Locale locale) {
        }
    }

    /**
     * A response that keeps what a view writes, and passes nothing on to the page's own response:
     * no header, no content type, no flush.
     */
    private static final class Captured extends HttpServletResponseWrapper {

        private final StringWriter text = new StringWriter();
        private final PrintWriter writer = new PrintWriter(text);

        Captured(HttpServletResponse response) {
            super(response);
        }

        String text() {
            writer.flush();
            return text.toString();
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the top bar's parts are written as text");
        }

        @Override
        public void setContentType(String type) {
        }

        @Override
        public void setCharacterEncoding(String charset) {
        }

        @Override
        public void setLocale(Locale locale) {
        }

        @Override
        public void setContentLength(int length) {
        }

        @Override
        public void setContentLengthLong(long length) {
        }

        @Override
        public void setHeader(String name, String value) {
        }

        @Override
        public void addHeader(String name, String value) {
        }

        @Override
        public void setStatus(int status) {
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        @Override
        public void resetBuffer() {
            text.getBuffer().setLength(0);
        }

        @Override
        public void reset() {
            resetBuffer();
        }
    }
}
