package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.playerdesk.TestWorkspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Requests the container refuses before PlayerDesk reads them, sent as raw bytes: the answer is
 * problem details on the APIs and a page of PlayerDesk's elsewhere, never the container's page; and
 * a refused header's value (an API key) is never logged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
@ExtendWith(OutputCaptureExtension.class)
class MalformedRequestsTest {

    @LocalServerPort
    int port;
    @Autowired
    LoggingSystem logging;

    @Test
    void malformedAddressesOnTheApisAreAnsweredWithProblemDetails() throws Exception {
        for (String path : new String[] { "/api/v1/players/%00/tickets", "/api/v1/%2e%2e/%2e%2e/actuator/health",
                "/chat/api/demo%2fchats", "/api/v1/a%00b" }) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 400");
            assertThat(answer.toLowerCase()).as(path).contains("content-type: application/problem+json");
            assertThat(answer).as(path).contains("\"status\":400").doesNotContain("Apache Tomcat", "<html");
        }
    }

    @Test
    void malformedAddressesOfPagesGetPlayerDesksPageNotTheContainers() throws Exception {
        String answer = raw("GET /console/%2e%2e/%2e%2e/x HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("请求的地址或请求头格式不正确", "not well-formed").doesNotContain("Apache Tomcat");
    }

    @Test
    void aControlCharacterInAHeaderIsRefusedWithoutLoggingTheHeader(CapturedOutput output) throws Exception {
        LogLevel before = logging.getLoggerConfiguration("org.apache.coyote").getConfiguredLevel();
        logging.setLogLevel("org.apache.coyote", LogLevel.DEBUG); // as verbose as an operator may set it
        try {
            String answer = raw("GET /api/v1/players/p1/tickets HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer pdk_secretkeyvalue\u0001tail\r\nConnection: close\r\n\r\n");
            assertThat(output.getAll()).doesNotContain("pdk_secretkeyvalue");
            assertThat(answer).startsWith("HTTP/1.1 400").doesNotContain("pdk_secretkeyvalue");
            assertThat(answer.toLowerCase()).contains("content-type: application/problem+json");
        } finally {
            logging.setLogLevel("org.apache.coyote", before);
        }
    }

    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
