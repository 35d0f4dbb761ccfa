package org.playerdesk.channel.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** The body limit holds for chunked bodies too, whose length is only known by reading them. */
class ApiBodyLimitTest {

    private final ApiBodyLimit limit = new ApiBodyLimit(100, new ApiProblems(JsonMapper.builder().build()));

    @Test
    void refusesAChunkedBodyOverTheLimit() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        limit.doFilter(chunked("x".repeat(101)), response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":413");
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
