package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.ProblemResponses;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The body limit holds for chunked bodies too, whose length is only known by reading them. */
class ApiBodyLimitTest {

    private final ApiBodyLimit limit = new ApiBodyLimit(100, problems());

    private static ProblemResponses problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/validation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new ProblemResponses(new ErrorTexts(messages), locales, JsonMapper.builder().build());
    }

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        MockHttpServletRequest request = chunked("x".repeat(101));
        request.addHeader("Accept-Language", "en");
        limit.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"status\":413")
                .contains("\"detail\":\"The body is larger than 100 bytes.\"");
        assertThat(chain.getRequest()).as("nothing after the limit sees the request").isNull();
    }

    @Test
    void passesAChunkedBodyWithinTheLimitOnUnchanged() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(chunked("{\"message\": \"好\"}"), response, chain);

        HttpServletRequest passed = (HttpServletRequest) chain.getRequest();
        assertThat(new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"message\": \"好\"}");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() throws IOException, ServletException {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets") {
            @Override
            public long getContentLengthLong() {
                return 1_000_000;
            }
        };
        MockHttpServletResponse response = new MockHttpServletResponse();

        limit.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        // no Accept-Language: the default language
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"detail\":\"请求体超过 100 字节。\"");
    }

    /** A request whose length is not declared, as with Transfer-Encoding: chunked. */
    private static MockHttpServletRequest chunked(String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/tickets") {
            @Override
            public int getContentLength() {
                return -1;
            }

            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.addHeader("Transfer-Encoding", "chunked");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        return request;
    }
}
