package org.playerdesk.channel.api;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.playerdesk.system.errors.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a game API body over the limit before anything parses it: at once when the declared
 * Content-Length is too large, otherwise (chunked bodies) by reading at most one byte more than
 * the limit. A body within the limit is kept in memory and handed on as it was, once it is known to
 * be well-formed UTF-8 (no overlong or surrogate forms, which a lenient decoder would turn into
 * characters a check before it never saw): otherwise it is refused with 400. Multipart uploads are
 * left to the multipart limits.
 */
class ApiBodyLimit extends OncePerRequestFilter {

    private final long maxBody;
    private final ProblemResponses problems;

    ApiBodyLimit(long maxBody, ProblemResponses problems) {
        this.maxBody = maxBody;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBody) {
            tooLarge(request, response);
            return;
        }
        boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
        String type = request.getContentType();
        if (!hasBody || (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/"))) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes((int) Math.min(maxBody + 1, Integer.MAX_VALUE - 8));
        if (body.length > maxBody) {
            tooLarge(request, response);
            return;
        }
        if (!wellFormedUtf8(body)) {
            problems.send(request, response, HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                    "problem.malformedUtf8");
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** JSON is UTF-8 (RFC 8259): the JDK's decoder refuses overlong forms, lone surrogates and stray bytes. */
    static boolean wellFormedUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // the container drains the unread rest (up to server.tomcat.max-swallow-size), so that the
        // client reads this answer instead of a reset connection
        problems.send(request, response, HttpStatus.CONTENT_TOO_LARGE, "too-large", "Too large",
                "problem.bodyTooLarge", maxBody);
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already read");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
