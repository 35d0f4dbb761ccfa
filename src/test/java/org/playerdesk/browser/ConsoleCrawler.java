package org.playerdesk.browser;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP crawl of the console as one member of staff in one language: signs in through the
 * login form (with its CSRF token), opens every page of the navigation, then every console page
 * those pages link to and the pages these link to in turn (a ticket of the inbox, then its
 * player), with the fragments each page loads by itself
 * ({@code hx-get}). Links of one shape (the same path with other ids) are visited a few times
 * only. Each failure is kept with its address: a 5xx, an error page, any other 4xx than 403 (a
 * dead link the console rendered), an unfinished page, a page in the wrong language, a message
 * key without its text, or markup the Content-Security-Policy refuses (an inline script, event
 * handler or style attribute).
 */
final class ConsoleCrawler {

    /** How many addresses of one shape (e.g. {@code /console/tickets/{id}}) are visited. */
    static final int PER_SHAPE = 3;

    /**
     * How far from the navigation the crawl goes: the navigation's pages, the pages they link to
     * (a ticket from the inbox), and the pages those link to (the ticket's player).
     */
    static final int DEPTH = 2;

    /**
     * Console links that are not followed, each with its reason; kept as short as possible. None
     * so far: signing out and switching the language are forms (POST), which the crawl never sends,
     * and the console's other links only show something (exports and attachments download).
     */
    static final Map<String, String> DENY = Map.of();

    private static final Pattern LINK = Pattern.compile("\\s(href|hx-get|src)=\"([^\"]*)\"");
    private static final Pattern NAV = Pattern.compile("<nav\\b.*?</nav>", Pattern.DOTALL);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\slang=\"([^\"]*)\"");
    private static final Pattern MISSING_MESSAGE = Pattern.compile("\\?\\?[A-Za-z0-9_.\\-]+_[A-Za-z_\\-]+\\?\\?");
    /** An opening tag with its attributes (quoted values may hold anything but their quote). */
    private static final Pattern TAG = Pattern.compile(
            "<([a-zA-Z][a-zA-Z0-9-]*)((?:\\s+[^\\s=>/\"']+(?:\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?)*)\\s*/?>");
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "([^\\s=>/\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s\"'>]+))?");
    /** The demo workspace's game (README, "The demo workspace"). */
    static final String DEMO_GAME = "demo";

    /** A game's code as a query parameter (a game's id is an id like any other). */
    private static final Pattern GAME_CODE = Pattern.compile("([?&]game=)([^&#]+)");
    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|\\d+");

    private final String base;
    private final String username;
    private final String language;
    private final HttpClient http;
    private final List<String> failures = new ArrayList<>();
    private final Set<String> visited = new LinkedHashSet<>();
    private final Map<String, Integer> shapes = new HashMap<>();
    private final Map<String, String> pagesByShape = new LinkedHashMap<>();
    private final List<String> navigation = new ArrayList<>();
    private final Set<String> htmlPages = new LinkedHashSet<>();

    ConsoleCrawler(int port, String username, String language) {
        this.base = "http://localhost:" + port;
        this.username = username;
        this.language = language;
        CookieManager cookies = new CookieManager();
        cookies.setCookiePolicy(CookiePolicy.ACCEPT_ALL);
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** Signs in with the login form, switches the language with {@code ?lang=}, and crawls. */
    ConsoleCrawler crawl(String password) throws IOException, InterruptedException {
        String form = send(get("/login").build()).body();
        Matcher token = CSRF.matcher(form);
        if (!token.find()) {
            throw new IllegalStateException("the login form has no CSRF token");
        }
        String body = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(token.group(1));
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        if (signedIn.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException(username + " could not sign in: " + signedIn.uri());
        }
        String home = visit("/console/tickets?lang=" + language, false);
        if (home == null) {
            return this;
        }
        Matcher nav = NAV.matcher(home);
        List<String> level = new ArrayList<>();
        for (String page : links(nav.find() ? nav.group() : home)) {
            navigation.add(page);
            if (!visited.contains(page)) {
                level.add(page);
            }
        }
        Map<String, String> opened = new LinkedHashMap<>();
        opened.put("/console/tickets?lang=" + language, home);
        for (String page : level) {
            opened.put(page, visit(page, false));
        }
        for (int depth = 1; depth <= DEPTH; depth++) {
            Map<String, String> next = new LinkedHashMap<>();
            for (String html : opened.values()) {
                if (html == null) {
                    continue;
                }
                for (String link : links(html)) {
                    if (!visited.contains(link) && take(link)) {
                        next.put(link, visit(link, false));
                    }
                }
            }
            opened = next;
        }
        return this;
    }

    List<String> failures() {
        return failures;
    }

    Set<String> visited() {
        return visited;
    }

    /** The console's navigation as this member of staff sees it. */
    List<String> navigation() {
        return navigation;
    }

    /** Whether this address opened as a whole HTML page (not refused, not a download). */
    boolean opened(String path) {
        return htmlPages.contains(path);
    }

    /** One page of each shape that opened as a whole HTML page, in the order visited. */
    List<String> pagesOfEachShape() {
        return new ArrayList<>(pagesByShape.values());
    }

    /**
     * Opens one address and checks it; answers the body of an HTML page that opened, else null.
     * The page's own fragments ({@code hx-get}) are opened and checked with it.
     */
    private String visit(String path, boolean fragment) throws InterruptedException {
        visited.add(path);
        HttpRequest.Builder request = get(path);
        if (fragment) {
            request.header("HX-Request", "true");
        }
        HttpResponse<String> response;
        try {
            response = send(request.build());
        } catch (IOException e) {
            fail(path, "the answer broke off (" + e + ")");
            return null;
        }
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (response.uri().getPath().equals("/login")) {
            fail(path, "sent back to the sign-in page");
            return null;
        }
        if (status == 403) {
            return null;
        }
        if (status >= 400) {
            fail(path, "HTTP " + status + (status == 404 ? " (a dead link)" : ""));
            return null;
        }
        if (!type.startsWith("text/html")) {
            return null;
        }
        if (body.contains("data-testid=\"error-page\"")) {
            fail(path, "an error page with HTTP " + status);
            return null;
        }
        String refused = refusedByCsp(body);
        if (refused != null) {
            fail(path, "markup the Content-Security-Policy refuses: " + refused);
        }
        Matcher missing = MISSING_MESSAGE.matcher(body);
        if (missing.find()) {
            fail(path, "a message without its text: " + missing.group());
        }
        if (!fragment) {
            pagesByShape.putIfAbsent(shape(path), path);
            htmlPages.add(path);
            if (!body.stripTrailing().endsWith("</html>")) {
                fail(path, "the page is unfinished (no closing </html>)");
            }
            Matcher lang = HTML_LANG.matcher(body);
            String expected = language.startsWith("en") ? "en" : "zh";
            if (!lang.find() || !lang.group(1).startsWith(expected)) {
                fail(path, "the page is not in " + language + " (lang=\"" + (lang.find(0) ? lang.group(1) : "") + "\")");
            }
            for (String part : fragments(body)) {
                if (!visited.contains(part) && take(part)) {
                    visit(part, true);
                }
            }
        }
        return body;
    }

    /**
     * The first markup the Content-Security-Policy (script-src 'self', style-src 'self') refuses:
     * an inline script, an event-handler or style attribute, a javascript: address; or null.
     */
    static String refusedByCsp(String html) {
        Matcher tag = TAG.matcher(html);
        while (tag.find()) {
            boolean script = tag.group(1).equalsIgnoreCase("script");
            boolean source = false;
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                String name = attribute.group(1).toLowerCase(java.util.Locale.ROOT);
                String value = attribute.group(2) == null ? "" : attribute.group(2).replaceAll("^[\"']|[\"']$", "");
                source |= name.equals("src");
                boolean address = name.equals("href") || name.equals("src") || name.equals("action")
                        || name.equals("formaction");
                if (name.equals("style") || name.matches("on[a-z]+")
                        || address && value.strip().toLowerCase(java.util.Locale.ROOT).startsWith("javascript:")) {
                    return tag.group();
                }
            }
            if (script && !source) {
                return tag.group();
            }
        }
        return null;
    }

    private void fail(String path, String what) {
        failures.add(username + " [" + language + "] " + path + ": " + what);
    }

    /** Whether one more address of this shape may be visited. */
    private boolean take(String link) {
        String shape = shape(link);
        int seen = shapes.merge(shape, 1, Integer::sum);
        return seen <= PER_SHAPE;
    }

    /**
     * The address with its ids (UUIDs, numbers) in the path and the query replaced: "the same page
     * for another thing". A game named by its code ({@code game=...}) is such a thing too, except
     * the demo's game, whose pages hold the demo's data: the administrator sees every game of the
     * database the whole suite shares (hundreds, late in a run), and their empty pages of one
     * shape are visited a few times only, like those of any other id.
     */
    static String shape(String link) {
        Matcher game = GAME_CODE.matcher(link);
        StringBuilder shaped = new StringBuilder();
        while (game.find()) {
            game.appendReplacement(shaped, game.group(2).equals(DEMO_GAME) ? "$0"
                    : Matcher.quoteReplacement(game.group(1) + "{game}"));
        }
        game.appendTail(shaped);
        return ID.matcher(shaped).replaceAll("{id}");
    }

    /** The console addresses a page links to, in page order, without the denied ones. */
    private List<String> links(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            String target = consolePath(link.group(2));
            if (target != null) {
                found.add(target);
            }
        }
        return new ArrayList<>(found);
    }

    /** The fragments a page loads by itself. */
    private List<String> fragments(String html) {
        Set<String> found = new LinkedHashSet<>();
        Matcher link = LINK.matcher(html);
        while (link.find()) {
            if (link.group(1).equals("hx-get")) {
                String target = consolePath(link.group(2));
                if (target != null) {
                    found.add(target);
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** A same-origin console address (path and query, no fragment), or null for anything else. */
    private String consolePath(String raw) {
        String link = raw.replace("&amp;", "&").strip();
        if (link.startsWith(base)) {
            link = link.substring(base.length());
        }
        int hash = link.indexOf('#');
        if (hash >= 0) {
            link = link.substring(0, hash);
        }
        if (!(link.equals("/console") || link.startsWith("/console/") || link.startsWith("/console?"))) {
            return null;
        }
        for (String denied : DENY.keySet()) {
            if (link.startsWith(denied)) {
                return null;
            }
        }
        return link;
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html,*/*;q=0.8").GET();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
