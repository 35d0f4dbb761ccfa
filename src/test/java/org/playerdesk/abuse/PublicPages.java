package org.playerdesk.abuse;

import java.net.CookieManager;
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
 * A browser on a real server, as far as these tests need one: it keeps its cookies, reads a
 * form's CSRF token and posts forms from a client address of its own (sent as
 * {@code X-Forwarded-For}, which the server honours only when told to trust it).
 */
final class PublicPages {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String address;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    PublicPages(int port, String address) {
        this.port = port;
        this.address = address;
    }

    /** The CSRF token of the form on this page (the session it belongs to stays in the cookies). */
    String csrfToken(String path) throws Exception {
        String page = send(request(path).GET()).body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return token.group(1);
    }

    HttpResponse<String> postForm(String path, Map<String, String> fields, String acceptLanguage) throws Exception {
        String body = fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", acceptLanguage).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts the form of this page, with the page's CSRF token added. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields, String acceptLanguage)
            throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken(formPage));
        return postForm(action, withToken, acceptLanguage);
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", address)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
