package org.playerdesk.game.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;

import org.playerdesk.game.ConnectorKind;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameAccounts;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.GameInfo;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.game.internal.http.HttpGameBackend;
import org.playerdesk.game.internal.simulated.SimulatedGames;
import org.playerdesk.system.cache.ReferenceMap;
import org.playerdesk.system.cache.ReferenceData;
import org.playerdesk.system.net.OutboundAddresses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each game's backend as its stored connector settings say. The settings are read on every call,
 * so a change applies at once (whether a game has a backend at all is kept in memory, forgotten
 * when a connector changes); an HTTP connector is kept while its settings stay the same, so
 * its circuit breaker remembers the failures.
 */
@Service
@EnableConfigurationProperties(GameProperties.class)
public class DefaultGameBackends implements GameBackends {

    /** The connector's secret is sealed at rest ({@code SealedSecret}). */
    @org.springframework.context.annotation.Bean
    static org.playerdesk.system.secrets.SecretColumn gameConnectorSecret() {
        return new org.playerdesk.system.secrets.SecretColumn("game_connector", "id", "secret");
    }

    private final GameConnectorRepository connectors;
    private final GameRepository games;
    private final SimulatedGames simulated;
    private final GameProperties properties;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build();
    private final Map<UUID, Cached> http = new ConcurrentHashMap<>();
    private final ObjectProvider<GameAccounts> accounts;
    private final OutboundAddresses outbound;
    /**
     * Whether each game has a backend, as last read: asked for every new ticket (its player's
     * standing). Forgotten when a connector changes; another node's change is seen within five seconds.
     */
    private final ReferenceMap<UUID, Boolean> connected;

    private record Cached(String baseUrl, int secretHash, Duration connectTimeout, Duration readTimeout,
            HttpGameBackend backend) {
    }

    DefaultGameBackends(GameConnectorRepository connectors, GameRepository games, SimulatedGames simulated,
            GameProperties properties, Clock clock, ObjectProvider<GameAccounts> accounts, OutboundAddresses outbound,
            ReferenceData referenceData) {
        this.connected = referenceData.map(GameConnector.class, Duration.ofSeconds(5));
        this.accounts = accounts;
        this.outbound = outbound;
        this.connectors = connectors;
        this.games = games;
        this.simulated = simulated;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public GameBackend of(UUID gameId) {
        GameConnector connector = connectors.findByGameId(gameId).orElse(null);
        ConnectorKind kind = connector == null ? ConnectorKind.NONE : connector.kind();
        GameBackend backend = switch (kind) {
            case NONE -> throw new GameBackendUnavailable("no game backend is configured for this game");
            case SIMULATED -> simulated.backend(games.findById(gameId).map(Game::info).map(GameInfo::code)
                    .orElseThrow(() -> new GameBackendUnavailable("unknown game " + gameId)));
            case HTTP -> http(connector);
        };
        return new ForgettingBackend(backend, accountId -> accounts.ifAvailable(a -> a.evict(gameId, accountId)));
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public boolean connected(UUID gameId) {
        return connected.get(gameId, game -> connectors.findByGameId(game).map(c -> c.kind() != ConnectorKind.NONE).orElse(false));
    }

    private HttpGameBackend http(GameConnector connector) {
        if (connector.baseUrl() == null || connector.secret() == null) {
            throw new GameBackendUnavailable("the game's HTTP connector has no base URL or secret");
        }
        var settings = connector.settings();
        Duration connect = Objects.requireNonNullElse(settings.connectTimeout(), properties.connectTimeout());
        Duration read = Objects.requireNonNullElse(settings.readTimeout(), properties.readTimeout());
        return http.compute(connector.gameId(), (id, known) -> known != null && known.baseUrl().equals(connector.baseUrl())
                && known.secretHash() == connector.secret().hashCode() && known.connectTimeout().equals(connect)
                && known.readTimeout().equals(read) ? known
                        : new Cached(connector.baseUrl(), connector.secret().hashCode(), connect, read,
                                httpBackend(connector.gameId().toString(), connector.baseUrl(), connector.secret(),
                                        connect, read)))
                .backend();
    }

    /** A new HTTP connector with its own circuit breaker, configured from {@code playerdesk.game.*}. */
    public HttpGameBackend httpBackend(String name, String baseUrl, String secret, Duration connect, Duration read) {
        GameProperties.CircuitBreaker cb = properties.circuitBreaker();
        CircuitBreaker breaker = CircuitBreaker.of("game-" + name, CircuitBreakerConfig.custom()
                .failureRateThreshold(cb.failureRate())
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(cb.window())
                .minimumNumberOfCalls(cb.minimumCalls())
                .waitDurationInOpenState(cb.openFor())
                .permittedNumberOfCallsInHalfOpenState(2)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .recordExceptions(GameBackendUnavailable.class)
                .ignoreExceptions(UnknownAccount.class)
                .build());
        return new HttpGameBackend(baseUrl, secret, connect, read, properties.retries(), breaker, json, clock, outbound);
    }
}
