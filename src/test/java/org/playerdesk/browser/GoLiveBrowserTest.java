package org.playerdesk.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.playerdesk.PlayerDeskApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * Going live without the demo, in headless Chromium: PlayerDesk starts on an empty database (a
 * PostgreSQL database of its own when PostgreSQL is reachable, dropped afterwards; else a fresh
 * in-memory H2 one) with the demo off; the first administrator is made through the setup link
 * from the log, signs in, registers a game, makes its API key from the game's checklist, and the
 * game server opens a ticket through the game API that the console then shows.
 */
@Tag("browser")
@ExtendWith(OutputCaptureExtension.class)
class GoLiveBrowserTest {

    @RegisterExtension
    static final Chromium chromium = new Chromium();

    private static final Pattern LINK = Pattern.compile("/setup\\?token=([0-9a-f]+)");

    @Test
    void goesLiveOnAnEmptyDatabase(CapturedOutput output) throws Exception {
        try (EmptyDatabase database = EmptyDatabase.create();
                ConfigurableApplicationContext app = new SpringApplicationBuilder(PlayerDeskApplication.class).run(
                        "--server.port=0", "--spring.datasource.url=" + database.url,
                        "--spring.datasource.username=" + database.user,
                        "--spring.datasource.password=" + database.password, "--playerdesk.demo=false",
                        "--playerdesk.data-dir=target/test-data/" + database.name)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            String base = "http://localhost:" + port;

            Matcher link = LINK.matcher(output.getAll());
            String token = null;
            while (link.find()) {
                token = link.group(1);
            }
            assertThat(token).as("the setup link in the log").isNotNull();

            // refused on purpose below: the two passwords differ (400), the link is used twice (410)
            chromium.expect("status of 400");
            chromium.expect("status of 410");
            BrowserContext context = chromium.browser().newContext();
            Page page = context.newPage();
            page.navigate(base + "/console");
            assertThat(page.locator("[data-testid=login-form]")).isVisible();

            page.navigate(base + "/setup?token=" + token);
            page.fill("[data-testid=setup-username]", "studio");
            page.fill("[data-testid=setup-name]", "Studio Admin");
            page.fill("[data-testid=setup-password]", "go-live-password");
            page.fill("[data-testid=setup-confirmation]", "go-live-other");
            page.selectOption("#setup-locale", "en");
            page.click("[data-testid=setup-submit]");
            assertThat(page.locator("[data-testid=setup-error-confirmation]")).hasText(
                    Pattern.compile("Password again|再次输入密码"));
            page.fill("[data-testid=setup-password]", "go-live-password");
            page.fill("[data-testid=setup-confirmation]", "go-live-password");
            page.click("[data-testid=setup-submit]");
            assertThat(page.locator("[data-testid=login-setup-done]")).isVisible();
            assertThat(page.navigate(base + "/setup?token=" + token).status()).isEqualTo(410);

            page.navigate(base + "/login");
            page.fill("[name=username]", "studio");
            page.fill("[name=password]", "go-live-password");
            page.click("[data-testid=login-submit]");
            page.navigate(base + "/console/admin/games");
            assertThat(page.locator("[data-testid=games-none]")).isVisible();
            page.fill("[data-testid=game-code]", "starfall");
            page.fill("[data-testid=game-name]", "Starfall");
            page.fill("[data-testid=game-time-zone]", "Europe/Berlin");
            page.selectOption("[data-testid=game-business-hours]", "office");
            page.click("[data-testid=game-register]");
            var row = page.locator("[data-testid=game-row][data-code=starfall]");
            assertThat(row).hasAttribute("data-ready", "false");
            assertThat(row.locator("[data-testid=checklist-step][data-step=apiKey]")).hasAttribute("data-done", "false");

            row.locator("[data-testid=checklist-step][data-step=apiKey] a").click();
            page.fill("#k-name", "Starfall game server");
            page.click("[data-testid=api-key-create]");
            String key = page.locator("[data-testid=api-key-secret]").inputValue();
            assertThat(key).startsWith("pdk_");

            HttpResponse<String> opened = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/tickets")).header("Authorization", "Bearer " + key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"player": {"accountId": "1001", "nickname": "Nova"}, "type": "bug",
                             "subject": "Stuck in the tutorial", "message": "The door never opens."}"""))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            String location = opened.headers().firstValue("Location").orElseThrow();

            page.navigate(base + location.replace("/api/v1/tickets/", "/console/tickets/"));
            assertThat(page.locator("[data-testid=ticket-subject]")).hasText("Stuck in the tutorial");
            page.navigate(base + "/console/admin/games");
            assertThat(page.locator("[data-testid=game-row][data-code=starfall] [data-step=apiKey]"))
                    .hasAttribute("data-done", "true");
            context.close();
        }
    }

    /**
     * A database nobody used: a new PostgreSQL database when PostgreSQL is reachable (the one
     * PLAYERDESK_DB_URL names, else 127.0.0.1:5432 as postgres) and lets its user create one,
     * dropped on close; else a new in-memory H2 database.
     */
    static final class EmptyDatabase implements AutoCloseable {

        final String name;
        final String url;
        final String user;
        final String password;
        private final String adminUrl;

        private EmptyDatabase(String name, String url, String user, String password, String adminUrl) {
            this.name = name;
            this.url = url;
            this.user = user;
            this.password = password;
            this.adminUrl = adminUrl;
        }

        static EmptyDatabase create() {
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String name = "golive_" + HexFormat.of().formatHex(random);
            String configured = System.getenv("PLAYERDESK_DB_URL");
            String user = System.getenv().getOrDefault("PLAYERDESK_DB_USER", "postgres");
            String password = System.getenv().getOrDefault("PLAYERDESK_DB_PASSWORD",
                    System.getenv().getOrDefault("PGPASSWORD", ""));
            String server = configured != null && configured.startsWith("jdbc:postgresql://")
                    ? configured.substring(0, configured.indexOf('/', "jdbc:postgresql://".length()))
                    : "jdbc:postgresql://127.0.0.1:5432";
            String admin = server + "/postgres";
            try {
                DriverManager.setLoginTimeout(5);
                try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                return new EmptyDatabase(name, server + "/" + name, user, password, admin);
            } catch (SQLException unreachable) {
                return new EmptyDatabase(name, "jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "",
                        null);
            }
        }

        @Override
        public void close() throws SQLException {
            if (adminUrl != null) {
                try (Connection c = DriverManager.getConnection(adminUrl, user, password);
                        Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + name + " with (force)");
                }
            }
        }
    }
}
