package org.playerdesk.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Players submitting the help center's ticket form with a file, each as a browser of its own
 * (its own cookies: the balancer's stickiness cookie and the session that holds the form's CSRF
 * token): the form page, then the multipart post, answered by a redirect to the ticket's private
 * link. A post that gets no answer is not sent again: the help center has no idempotency key, and
 * a player who sends the form twice gets two tickets.
 */
final class HelpCenterPlayers {

    static final String FORM = "help: form";
    static final String SUBMIT = "help: submit with a file";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern FOLLOW_LINK = Pattern.compile("/t/([^/?#]+)");
    private static final String WORDS = "充值 没到账 闪退 登录失败 error 1003 order 648 refund 华东一区 角色 公会 副本 loading";

    private final String base;
    private final String game;
    private final Traffic traffic;
    private final Acknowledged acknowledged;
    private final AtomicLong submitted = new AtomicLong();

    HelpCenterPlayers(String base, String game, Traffic traffic, Acknowledged acknowledged) {
        this.base = base;
        this.game = game;
        this.traffic = traffic;
        this.acknowledged = acknowledged;
    }

    void submit() throws Exception {
        HttpClient browser = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(2)).build();
        long n = submitted.incrementAndGet();
        String marker = "[soak-h" + n + "]";
        HttpResponse<String> form = traffic.send(FORM, browser, HttpRequest.newBuilder(URI.create(base + "/help/" + game))
                .timeout(Duration.ofSeconds(30)).GET().build(), 200);
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new IllegalStateException("the help center's form has no CSRF token");
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String type = Samples.any(Texts.TYPES);
        Texts.Topic topic = Texts.TOPICS.get(type);
        byte[] file = logFile(marker, 8 * 1024 + random.nextInt(56 * 1024));
        String fileName = "soak-h" + n + ".log";
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", token.group(1));
        fields.put("type", type);
        fields.put("subject", marker + " " + Samples.any(topic.subjectsZh()));
        fields.put("description", Samples.any(topic.bodiesZh()));
        fields.put("accountId", "soak-hp" + (n % 100));
        fields.put("nickname", Samples.any(Texts.NICKNAMES));
        fields.put("server", "S" + (1 + random.nextInt(40)));
        fields.put("email", "soak-hp" + (n % 100) + "@example.com");
        String boundary = "soak" + UUID.randomUUID().toString().replace("-", "");
        HttpRequest post = HttpRequest.newBuilder(URI.create(base + "/help/" + game + "/tickets"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, fileName, file)))
                .build();
        try {
            HttpResponse<String> answer = traffic.send(SUBMIT, browser, post, 302);
            Matcher link = FOLLOW_LINK.matcher(answer.headers().firstValue("Location").orElse(""));
            if (!link.find()) {
                throw Refused.of(answer);
            }
            acknowledged.ticket(new Acknowledged.Ticket("help", marker, null, null, link.group(1), type), false);
            acknowledged.attachments.add(new Acknowledged.Attachment(marker, link.group(1), fileName, sha256(file),
                    file.length));
        } catch (IOException noClearAnswer) {
            acknowledged.unanswered.add(new Acknowledged.Unanswered("help ticket", marker));
        }
    }

    /** A plain-text log file of the given size that names its ticket (accepted: text/plain, UTF-8). */
    private static byte[] logFile(String marker, int size) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String[] words = WORDS.split(" ");
        StringBuilder text = new StringBuilder("client log for " + marker + "\n");
        int line = 0;
        while (text.length() < size / 2) {
            text.append(String.format("%06d ", line++));
            for (int i = 0; i < 8; i++) {
                text.append(words[random.nextInt(words.length)]).append(' ');
            }
            text.append(Long.toHexString(random.nextLong())).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] multipart(String boundary, Map<String, String> fields, String fileName, byte[] file)
            throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"" + fileName
                + "\"\r\nContent-Type: text/plain\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
