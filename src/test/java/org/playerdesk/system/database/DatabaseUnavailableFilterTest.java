package org.playerdesk.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.ProblemResponses;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import jakarta.servlet.FilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request that met a concurrent change is told so (409, send it again), not that the database
 * is down (503, wait): under load, two agents or an agent and a rule often touch one ticket together.
 */
class DatabaseUnavailableFilterTest {

    private final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(Duration.ofSeconds(7), problems());

    private static ProblemResponses problems() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/validation");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
        locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        return new ProblemResponses(new ErrorTexts(messages), locales, JsonMapper.builder().build());
    }

    private MockHttpServletResponse send(String path, String language, RuntimeException failure) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.addHeader("Accept-Language", language);
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain failing = (req, res) -> {
            throw failure;
        };
        filter.doFilter(request, response, failing);
        return response;
    }

    @Test
    void aConflictOnAnApiRequestIsAnsweredChangedMeanwhileInTheCallersLanguage() throws Exception {
        MockHttpServletResponse response = send("/api/v1/tickets/1/messages", "zh-CN",
                new ObjectOptimisticLockingFailureException("Ticket", "1"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader("Retry-After")).isNull();
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .contains("changed-meanwhile").contains("记录刚刚被其他人同时修改");
    }

    @Test
    void aDeadlockOnAConsolePageShowsTheChangedMeanwhilePage() throws Exception {
        MockHttpServletResponse response = send("/console/chat/1/accept", "en",
                new CannotAcquireLockException("deadlock detected"));

        assertThat(response.getStatus()).isEqualTo(409);
        assertThat(response.getHeader("Retry-After")).isNull();
    }

    @Test
    void aDatabaseThatCannotBeReachedIsStillUnavailable() throws Exception {
        MockHttpServletResponse response = send("/api/v1/tickets", "en", new CannotCreateTransactionException(
                "no connection", new SQLTransientConnectionException("request timed out after 5000ms")));

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("7");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("send the request again in 7 s");
    }
}
