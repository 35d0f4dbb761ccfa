package org.playerdesk.game;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.playerdesk.game.internal.DefaultGameBackends;
import org.playerdesk.game.internal.GameConnector;
import org.playerdesk.game.internal.GameConnectorRepository;
import org.playerdesk.game.internal.GameProperties;
import org.playerdesk.game.internal.GameRepository;
import org.playerdesk.game.internal.http.HttpGameBackend;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.validation.SingleLine;
import org.hibernate.validator.constraints.Range;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Size;

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
    private final InputValidation validation;
    private final OutboundAddresses outbound;

    GameConnectors(GameConnectorRepository connectors, GameRepository games, DefaultGameBackends backends,
            GameProperties properties, Clock clock, GameAccounts accounts, InputValidation validation,
            OutboundAddresses outbound) {
        this.outbound = outbound;
        this.accounts = accounts;
        this.validation = validation;
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
        String url = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        String newSecret = secret == null || secret.isBlank() ? null : secret.strip();
        ConnectorChange change = new ConnectorChange(kind, url, newSecret, connectTimeoutMs, readTimeoutMs);
        List<InvalidInput.FieldError> errors = new ArrayList<>(validation.errors(change));
        // which fields are needed depends on the kind, and on the secret already stored
        if (kind == null) {
            errors.add(new InvalidInput.FieldError("kind", "invalid.oneOf", "none, simulated, http"));
        }
        if (url == null && kind == ConnectorKind.HTTP) {
            errors.add(new InvalidInput.FieldError("baseUrl", "invalid.blank"));
        } else if (url != null && errors.stream().noneMatch(e -> e.field().equals("baseUrl")) && !webAddress(url)) {
            errors.add(new InvalidInput.FieldError("baseUrl", "invalid.url"));
        } else if (url != null && errors.stream().noneMatch(e -> e.field().equals("baseUrl"))) {
            outbound.refusal(url).ifPresent(key -> errors.add(new InvalidInput.FieldError("baseUrl", key)));
        }
        if (kind == ConnectorKind.HTTP && newSecret == null && connector.secret() == null) {
            errors.add(new InvalidInput.FieldError("secret", "invalid.required"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparingInt(e -> ConnectorChange.FIELDS.indexOf(e.field())));
            throw new InvalidInput(errors);
        }
        connector.update(kind, url, newSecret, connectTimeoutMs, readTimeoutMs, by, clock.instant());
        connectors.save(connector);
        accounts.evictGame(gameId);
        return connector.settings();
    }

    /** How a game's backend is to be reached, as an administrator sets it; timeouts in milliseconds. */
    record ConnectorChange(
            ConnectorKind kind,
            @Size(max = 500, message = "{invalid.tooLong}") @SingleLine String baseUrl,
            @Size(min = MIN_SECRET, max = MAX_SECRET, message = "{invalid.size.between}") String secret,
            @Range(min = 100, max = 60_000, message = "{invalid.range.between}") Integer connectTimeoutMs,
            @Range(min = 100, max = 60_000, message = "{invalid.range.between}") Integer readTimeoutMs) {

        static final List<String> FIELDS = List.of("kind", "baseUrl", "secret", "connectTimeoutMs", "readTimeoutMs");
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
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
