package org.playerdesk.game;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.playerdesk.game.internal.DefaultGameBackends;
import org.playerdesk.game.internal.GameConnector;
import org.playerdesk.game.internal.GameConnectorRepository;
import org.playerdesk.game.internal.GameProperties;
import org.playerdesk.game.internal.GameRepository;
import org.playerdesk.game.internal.http.HttpGameBackend;
import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How each game's backend is reached: read and changed by administrators, and tried out with
 * {@link #test}. The HMAC secret goes in and never comes out.
 */
@Service
@Transactional(readOnly = true)
public class GameConnectors {

    public static final int MIN_SECRET = 16;
    public static final int MAX_SECRET = 200;

    private final GameConnectorRepository connectors;
    private final GameRepository games;
    private final DefaultGameBackends backends;
    private final GameProperties properties;
    private final Clock clock;
    private final GameAccounts accounts;

    GameConnectors(GameConnectorRepository connectors, GameRepository games, DefaultGameBackends backends,
            GameProperties properties, Clock clock, GameAccounts accounts) {
        this.accounts = accounts;
        this.connectors = connectors;
        this.games = games;
        this.backends = backends;
        this.properties = properties;
        this.clock = clock;
    }

    public ConnectorSettings settings(UUID gameId) {
        return connectors.findByGameId(gameId).map(GameConnector::settings).orElse(ConnectorSettings.NONE);
    }

    /**
     * Sets how the game's backend is reached. A blank {@code secret} keeps the stored one; an HTTP
     * connector needs an http(s) base URL and a secret of 16 to 200 characters. Timeouts are in
     * milliseconds (100 to 60000), null for the defaults.
     */
    @Transactional
    public ConnectorSettings configure(UUID gameId, ConnectorKind kind, String baseUrl, String secret,
            Integer connectTimeoutMs, Integer readTimeoutMs, String by) {
        if (!games.existsById(gameId)) {
            throw new NotFoundException("game", gameId);
        }
        GameConnector connector = connectors.findByGameId(gameId).orElseGet(() -> new GameConnector(gameId));
        FieldErrors errors = new FieldErrors();
        if (kind == null) {
            errors.add("kind", "invalid.oneOf", "none, simulated, http");
        }
        String url = errors.line("baseUrl", baseUrl, 500, kind == ConnectorKind.HTTP);
        if (url != null) {
            try {
                URI uri = URI.create(url);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    errors.add("baseUrl", "invalid.url");
                }
            } catch (IllegalArgumentException e) {
                errors.add("baseUrl", "invalid.url");
            }
        }
        String newSecret = secret == null || secret.isBlank() ? null : secret.strip();
        if (newSecret != null && (newSecret.length() < MIN_SECRET || newSecret.length() > MAX_SECRET)) {
            errors.add("secret", "invalid.length", 16, 200);
        } else if (kind == ConnectorKind.HTTP && newSecret == null && connector.secret() == null) {
            errors.add("secret", "invalid.required");
        }
        checkTimeout("connectTimeoutMs", connectTimeoutMs, errors);
        checkTimeout("readTimeoutMs", readTimeoutMs, errors);
        errors.throwIfAny();
        connector.update(kind, url, newSecret, connectTimeoutMs, readTimeoutMs, by, clock.instant());
        connectors.save(connector);
        accounts.evictGame(gameId);
        return connector.settings();
    }

    private static void checkTimeout(String field, Integer value, FieldErrors errors) {
        if (value != null && (value < 100 || value > 60_000)) {
            errors.add(field, "invalid.range", 100, 60000);
        }
    }

    /** What trying the connection gave: whether it answered, how fast, and what went wrong. */
    public record TestResult(boolean ok, long millis, String problem) {
    }

    /** Tries the game's backend once (the HTTP health endpoint, or the simulated game's answer). */
    public TestResult test(UUID gameId) {
        long start = System.nanoTime();
        try {
            GameConnector connector = connectors.findByGameId(gameId).orElse(null);
            if (connector == null || connector.kind() == ConnectorKind.NONE) {
                throw new GameBackendUnavailable("no game backend is configured for this game");
            }
            if (connector.kind() == ConnectorKind.HTTP) {
                if (connector.baseUrl() == null || connector.secret() == null) {
                    throw new GameBackendUnavailable("the HTTP connector has no base URL or secret");
                }
                ConnectorSettings s = connector.settings();
                HttpGameBackend probe = backends.httpBackend("test-" + gameId, connector.baseUrl(), connector.secret(),
                        s.connectTimeout() != null ? s.connectTimeout() : properties.connectTimeout(),
                        s.readTimeout() != null ? s.readTimeout() : properties.readTimeout());
                probe.ping();
            } else {
                backends.of(gameId).linkedAccounts("10001");
            }
            return new TestResult(true, Duration.ofNanos(System.nanoTime() - start).toMillis(), null);
        } catch (GameBackendUnavailable e) {
            return new TestResult(false, Duration.ofNanos(System.nanoTime() - start).toMillis(), e.getMessage());
        }
    }
}
