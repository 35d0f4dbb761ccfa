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
 * cookie and CSRF token, as a browser would be. Every cookie the server sets is kept and sent
 * back, so a load balancer's stickiness cookie travels with the session as it does in a browser.
 */
final class ConsoleSession {

    /** The session is gone (the console sends the browser to the sign-in page): sign in again. */
    static final class SignedOut extends IOException {
        SignedOut(String what) {
            super(what);
        }
    }

    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern PAGE_TOKEN = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private volatile String servedBy = "";
    private String csrf;

    private ConsoleSession(HttpClient http, String base, Map<String, String> cookies) {
        this.http = http;
        this.base = base;
        this.cookies.putAll(cookies);
    }

    static ConsoleSession signIn(HttpClient http, String base, String username, String password) throws Exception {
        return signIn(http, base, username, password, Map.of());
    }

    /** Signs in with these cookies already set, for example the balancer's choice of node. */
    static ConsoleSession signIn(HttpClient http, String base, String username, String password,
            Map<String, String> cookies) throws Exception {
        ConsoleSession console = new ConsoleSession(http, base, cookies);
        HttpResponse<String> form = console.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET());
        if (form.statusCode() != 200) {
            throw new IOException("GET /login: " + form.statusCode());
        }
        String formToken = find(FORM_TOKEN, form.body(), "sign-in form without a CSRF token");
        HttpResponse<String> signedIn = console.send(console.form(base + "/login",
                Map.of("username", username, "password", password, "_csrf", formToken)));
        String target = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || target.contains("error")) {
            throw new IllegalStateException("sign-in of " + username + " refused: " + signedIn.statusCode() + " " + target);
        }
        console.csrf = find(PAGE_TOKEN, console.page("/console/tickets"), "console page without a CSRF token");
        return console;
    }

    /** The Cookie header a browser would send with this session (for a WebSocket handshake). */
    String sessionCookie() {
        synchronized (cookies) {
            return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "));
        }
    }

    String cookie(String name) {
        synchronized (cookies) {
            return cookies.get(name);
        }
    }

    String csrfToken() {
        return csrf;
    }

    /** The balancer's name for the node that answered last (its X-Served-By header), or empty. */
    String servedBy() {
        return servedBy;
    }

    /** A console page; anything but 200 is a failure. */
    String page(String path) throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (page.statusCode() != 200) {
            if (page.headers().firstValue("Location").orElse("").contains("/login")) {
                throw new SignedOut("GET " + path + ": sent to sign in");
            }
            throw Refused.of(page);
        }
        return page.body();
    }

    /** A form of the console; it answers with a redirect, back to the ticket unless the session is gone. */
    String submit(String path, Map<String, String> fields) throws Exception {
        HttpResponse<String> answer = post(path, fields);
        if (answer.statusCode() != 302) {
            throw Refused.of(answer);
        }
        return answer.headers().firstValue("Location").orElse("");
    }

    /**
     * A post of the console with its CSRF token, answered as it comes (the live chat's actions
     * answer JSON). A session the node does not know is refused: its CSRF token is not that
     * node's, or the node sends the browser to sign in.
     */
    HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrf);
        HttpResponse<String> answer = send(form(base + path, withToken));
        String target = answer.headers().firstValue("Location").orElse("");
        // a refusal of the action itself comes with its code; a bare 403 is the CSRF check failing
        boolean refusedToken = answer.statusCode() == 403 && !answer.body().contains("\"code\"");
        if (refusedToken || (answer.statusCode() == 302 && target.contains("/login"))) {
            throw new SignedOut("POST " + path + ": " + answer.statusCode() + " " + target);
        }
        return answer;
    }

    /** A JSON resource of the console. */
    HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        if (answer.statusCode() == 302 && answer.headers().firstValue("Location").orElse("").contains("/login")) {
            throw new SignedOut("GET " + path + ": sent to sign in");
        }
        return answer;
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
        String cookie = sessionCookie();
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        keepCookies(response);
        servedBy = response.headers().firstValue("X-Served-By").orElse("");
        return response;
    }

    private void keepCookies(HttpResponse<?> response) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher cookie = COOKIE.matcher(header);
            if (cookie.find()) {
                synchronized (cookies) {
                    cookies.put(cookie.group(1), cookie.group(2));
                }
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
