package org.playerdesk.channel.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.playerdesk.ticket.Opened;
import org.playerdesk.ticket.TicketFilter;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * What only a real servlet container shows: a form over the upload limit cannot even be read
 * (not its CSRF token either), and form fields arrive as raw bytes. The limit is lowered here so
 * that a small file is already too large.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.servlet.multipart.max-file-size=64KB")
@Import(TestWorkspace.class)
class HelpCenterUploadLimitTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    TicketQueries queries;

    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    GameInfo game;
    String session;
    String csrf;

    @BeforeEach
    void aPlayerOnTheFormPage() throws Exception {
        game = workspace.game();
        HttpResponse<String> page = get("/help/" + game.code());
        session = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = CSRF.matcher(page.body());
        assertThat(token.find()).isTrue();
        csrf = token.group(1);
    }

    @Test
    void aTooLargeFileGetsAFriendlyPageInsteadOfAnError() throws Exception {
        Multipart form = ticketForm("截图太大".getBytes(StandardCharsets.UTF_8)).file("files", "big.png",
                new byte[100 * 1024]);

        HttpResponse<String> refused = post("/help/" + game.code() + "/tickets", form);

        assertThat(refused.statusCode()).isEqualTo(303);
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/help/" + game.code() + "?upload=too-large");
        HttpResponse<String> explained = get(location + "&lang=en");
        assertThat(explained.statusCode()).isEqualTo(200);
        assertThat(explained.body()).contains("A file is too large: each file may be at most 10 MB.");
        assertThat(ticketCount()).isZero();
    }

    @Test
    void aTooLargeFileWithAReplyLeadsBackToTheTicket() throws Exception {
        Opened opened = workspace.ticket(game, "acc-big", "bug");
        String link = "/help/" + game.code() + "/t/" + opened.followToken();
        Multipart reply = new Multipart().field("_csrf", csrf.getBytes(StandardCharsets.UTF_8))
                .field("message", "见附件".getBytes(StandardCharsets.UTF_8)).file("files", "big.zip", new byte[100 * 1024]);

        HttpResponse<String> refused = post(link + "/messages", reply);

        assertThat(refused.statusCode()).isEqualTo(303);
        assertThat(refused.headers().firstValue("Location")).hasValue(link + "?upload=too-large");
        assertThat(get(link + "?upload=too-large").body()).contains("文件过大");
        assertThat(queries.details(opened.ticket().id(), true).messages()).hasSize(1);
    }

    @Test
    void invalidUtf8InAFieldIsNeverAnError() throws Exception {
        byte[] broken = { 'B', 'u', 'g', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE };

        HttpResponse<String> answer = post("/help/" + game.code() + "/tickets", ticketForm(broken));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(queries.search(filter(), 0, 10).getContent().getFirst().subject()).startsWith("Bug ");
    }

    private Multipart ticketForm(byte[] subject) {
        return new Multipart().field("_csrf", csrf.getBytes(StandardCharsets.UTF_8))
                .field("type", "bug".getBytes(StandardCharsets.UTF_8))
                .field("subject", subject)
                .field("description", "描述".getBytes(StandardCharsets.UTF_8))
                .field("accountId", "acc-1".getBytes(StandardCharsets.UTF_8))
                .field("email", "p@example.com".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session == null ? "x=y" : session).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Multipart form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session)
                .header("Content-Type", "multipart/form-data; boundary=" + Multipart.BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(form.bytes())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private int ticketCount() {
        return queries.search(filter(), 0, 100).getNumberOfElements();
    }

    private TicketFilter filter() {
        return new TicketFilter(null, game.id(), null, null, null, null, null, false, null, null, null,
                TicketFilter.Order.NEWEST);
    }

    /** A multipart/form-data body written byte by byte, so that a field can hold any bytes at all. */
    static final class Multipart {

        static final String BOUNDARY = "----help-center-test-boundary";
        private final Map<String, byte[]> fields = new LinkedHashMap<>();
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();

        Multipart field(String name, byte[] value) {
            fields.put(name, value);
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n");
            body.writeBytes(value);
            write("\r\n");
            return this;
        }

        Multipart file(String name, String fileName, byte[] content) {
            write("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            body.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] bytes() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(body.toByteArray());
            all.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return all.toByteArray();
        }

        private void write(String text) {
            body.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
