package org.playerdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A member of staff signed in to the console through the real sign-in form, with its session
 * cookie and CSRF token, as a browser would be.
 */
final class ConsoleSession {

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");

    private final HttpClient http;
    private final String base;
    private String session;
    private String csrf;

    private ConsoleSession(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    static ConsoleSession signIn(HttpClient http, String base, String username, String password) throws Exception {
        ConsoleSession console = new ConsoleSession(http, base);
        HttpResponse<String> form = console.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        console.keepSession(form);
        String formToken = find(FORM_TOKEN, form.body(), "sign-in form without a CSRF token");
        HttpResponse<String> signedIn = console.send(console.form(base + "/login",
                Map.of("username", username, "password", password, "_csrf", formToken))
                .header("Cookie", "JSESSIONID=" + console.session));
        console.keepSession(signedIn);
        String target = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || target.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " refused: " + signedIn.statusCode() + " " + target);
        }
        console.csrf = find(PAGE_TOKEN, console.page("/console/tickets"), "console page without a CSRF token");
        return console;
    }

    String sessionCookie() {
        return "JSESSIONID=" + session;
    }

    String csrfToken() {
        return csrf;
    }

    /** A console page; anything but 200 is a failure. */
    String page(String path) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Cookie", "JSESSIONID=" + session));
        if (page.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + page.statusCode());
        }
        return page.body();
    }

    /** A form of the console; it answers with a redirect, back to the ticket unless the session is gone. */
    void submit(String path, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        HttpResponse<String> answer = send(form(base + path, withToken).header("Cookie", "JSESSIONID=" + session));
        String target = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || target.contains("/login")) {
            throw new IOException("POST " + path + ": " + answer.statusCode() + " " + target);
        }
    }

    private HttpRequest.Builder form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private void keepSession(HttpResponse<?> response) {
        for (String cookie : response.headers().allValues("Set-Cookie")) {
            Matcher id = SESSION.matcher(cookie);
            if (id.find()) {
                session = id.group(1);
            }
        }
    }

    private static String find(Pattern pattern, String text, String problem) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException(problem);
        }
        return matcher.group(1);
    }
}
