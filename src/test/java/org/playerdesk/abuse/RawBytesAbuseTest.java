package org.playerdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.playerdesk.abuse.HostileInputs.forEachTry;
import static org.playerdesk.abuse.HostileInputs.weight;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.playerdesk.TestWorkspace;
import org.playerdesk.game.GameInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bytes MockMvc cannot send, on a real server: invalid UTF-8 inside JSON strings and form
 * fields, declared charsets that are wrong, unknown or empty, Content-Type given twice. The
 * answers keep their promises (problem details for the API, a page without internals for the
 * help center) and what was accepted is stored whole.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestWorkspace.class)
class RawBytesAbuseTest {

    /** Byte sequences that are not UTF-8: lone continuation bytes, overlong forms, truncated sequences, surrogates. */
    static final List<byte[]> BROKEN_UTF8 = List.of(new byte[] { (byte) 0x80 }, new byte[] { (byte) 0xff },
            new byte[] { (byte) 0xc0, (byte) 0xaf }, new byte[] { (byte) 0xe0, (byte) 0x80, (byte) 0xaf },
            new byte[] { (byte) 0xed, (byte) 0xa0, (byte) 0x80 }, new byte[] { (byte) 0xe5, (byte) 0xad },
            new byte[] { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, new byte[] { (byte) 0xc3, 0x28 },
            new byte[] { 0 }, new byte[] { (byte) 0xfe, (byte) 0xfe, (byte) 0xff, (byte) 0xff });

    @LocalServerPort
    int port;
    @Autowired
    TestWorkspace workspace;
    @Autowired
    JdbcTemplate jdbc;

    final HttpClient http = HttpClient.newHttpClient();
    GameInfo game;
    String apiKey;
    StoredTickets stored;
    int accepted;

    @BeforeEach
    void aGameWithItsKey() {
        game = workspace.game();
        apiKey = workspace.apiKey(game);
        stored = new StoredTickets(jdbc, game);
    }

    @AfterEach
    void everyAcceptedTicketIsStoredWhole() {
        stored.holdExactly(accepted, "tickets stored = requests accepted");
    }

    @Test
    void apiBodiesWithBrokenBytesOrCharsetsNeverFailOnTheServer() {
        forEachTry(120, random -> {
            byte[] body = random.input("body", brokenTicket(random));
            List<String> contentTypes = random.input("contentTypes", contentTypes(random));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/tickets"))
                    .header("Authorization", "Bearer " + apiKey).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            contentTypes.forEach(type -> request.header("Content-Type", type));

            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as("status").isLessThan(500);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
            }
            if (answer.statusCode() == 201) {
                accepted++;
            }
        });
    }

    @Test
    void helpFormsWithBrokenBytesOrCharsetsNeverFailOnTheServer() {
        forEachTry(80, random -> {
            byte[] subject = random.input("subject", brokenField(random));
            byte[] description = random.input("description", brokenField(random));
            String contentType = random.input("contentType", formType(random));
            boolean withToken = random.input("withToken", random.bool());
            PublicPages player = new PublicPages(port, "192.0.2.1");
            String home = "/help/" + game.code();
            String token = withToken ? player.csrfToken(home) : "none";
            ByteArrayOutputStream form = new ByteArrayOutputStream();
            form.write(("type=bug&accountId=acc-1&email=p%40example.com&_csrf=" + token + "&subject=")
                    .getBytes(StandardCharsets.US_ASCII));
            form.write(subject);
            form.write("&description=".getBytes(StandardCharsets.US_ASCII));
            form.write(description);

            HttpResponse<String> answer = player.send(player.request(home + "/tickets")
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(form.toByteArray())));

            assertThat(answer.statusCode()).as("status").isLessThan(500);
            assertThat(answer.body()).doesNotContainPattern(Nasty.INTERNALS);
            if (answer.statusCode() >= 400) {
                assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/html"));
            }
            if (answer.statusCode() == 302
                    && answer.headers().firstValue("Location").orElse("").contains(home + "/t/")) {
                accepted++;
            }
        });
    }

    static byte[] brokenTicket(HostileInputs random) {
        return random.frequency(
                weight(4, () -> ticketWithBrokenField(
                        random.pick("subject", "message", "nickname", "accountId", "type", "metadata"),
                        random.pickFrom(BROKEN_UTF8))),
                weight(1, () -> ticket("\"卡在地图边缘\"", "\"更新后角色卡住了\"", "acc-1").getBytes(StandardCharsets.UTF_8)),
                weight(1, () -> random.bytes(200)));
    }

    private static byte[] ticketWithBrokenField(String field, byte[] broken) {
        String marker = "\u0001";
        String subject = field.equals("subject") ? "\"卡" + marker + "住\"" : "\"卡住\"";
        String message = field.equals("message") ? "\"角色" + marker + "\"" : "\"角色卡住了\"";
        String account = field.equals("accountId") ? "acc-" + marker : "acc-1";
        String json = ticket(subject, message, account);
        if (field.equals("type")) {
            json = json.replace("\"bug\"", "\"b" + marker + "ug\"");
        } else if (field.equals("metadata")) {
            json = json.replace("\"2.3.1\"", "\"2." + marker + "\"");
        } else if (field.equals("nickname")) {
            json = json.replace("风之子", "风" + marker);
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte b : bytes) {
            if (b == 1) {
                out.writeBytes(broken);
            } else {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    private static String ticket(String subject, String message, String account) {
        return "{\"player\":{\"accountId\":\"" + account + "\",\"nickname\":\"风之子\"},\"type\":\"bug\",\"subject\":"
                + subject + ",\"message\":" + message + ",\"metadata\":{\"clientVersion\":\"2.3.1\"}}";
    }

    /** No Content-Type, one, or two of them. */
    static List<String> contentTypes(HostileInputs random) {
        return random.listOf(0, 2, () -> random.pick("application/json", "application/json;charset=UTF-8",
                "application/json;charset=utf-16", "application/json;charset=UTF-32",
                "application/json;charset=ISO-8859-1", "application/json;charset=",
                "application/json;charset=x-no-such-charset", "application/json;charset=\"utf-8\"",
                "application/json;charset=utf-8;charset=gbk", "application/json;charset=GB18030", "text/plain",
                "application/json\u00e9"));
    }

    /** A form field's value as sent, percent-encoded or raw. */
    static byte[] brokenField(HostileInputs random) {
        return random.frequency(
                weight(2, () -> "%E5%8D%A1%E4%BD%8F".getBytes(StandardCharsets.US_ASCII)),
                weight(2, () -> random.pickFrom(BROKEN_UTF8)),
                weight(2, () -> random.pick("%ff%fe", "%C0%AF", "%ED%A0%80", "%00", "%0d%0a", "%E5%AD", "%", "%zz",
                        "%3Cscript%3Ealert(1)%3C/script%3E", "a=b=c", "&&&").getBytes(StandardCharsets.US_ASCII)),
                weight(1, () -> random.bytes(40)));
    }

    static String formType(HostileInputs random) {
        return random.pick("application/x-www-form-urlencoded", "application/x-www-form-urlencoded;charset=UTF-8",
                "application/x-www-form-urlencoded;charset=ISO-8859-1", "application/x-www-form-urlencoded;charset=GBK",
                "application/x-www-form-urlencoded;charset=", "application/x-www-form-urlencoded;charset=x-nothing",
                "application/x-www-form-urlencoded;charset=utf-16", "multipart/form-data", "text/plain");
    }
}
