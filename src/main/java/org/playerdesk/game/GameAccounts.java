package org.playerdesk.game;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.playerdesk.game.internal.GameProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Account data read for pages, cached briefly ({@code playerdesk.game.cache-ttl}) so that a page
 * and its panels ask the game once per view. A backend that is down or slower than
 * {@code playerdesk.game.page-budget} gives an unavailable snapshot at once instead of holding
 * the page; what it answers later is still cached for the next view. Actions done through
 * {@link GameBackends} drop the account's cached data.
 */
@Service
public class GameAccounts {

    private static final Logger log = LoggerFactory.getLogger(GameAccounts.class);
    static final int LOGINS = 10;

    private final GameBackends backends;
    private final Clock clock;
    private final Duration budget;
    private final Cache<Key, AccountSnapshot> cache;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private record Key(UUID gameId, String accountId) {
    }

    GameAccounts(GameBackends backends, GameProperties properties, Clock clock) {
        this.backends = backends;
        this.clock = clock;
        this.budget = properties.pageBudget();
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    /** The account's profile, recent logins, bans and linked accounts, from the cache when fresh. */
    public AccountSnapshot snapshot(UUID gameId, String accountId) {
        Key key = new Key(gameId, accountId);
        AccountSnapshot cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        if (!backends.connected(gameId)) {
            return AccountSnapshot.of(AccountSnapshot.State.NOT_CONNECTED, clock.instant());
        }
        CompletableFuture<AccountSnapshot> reading = CompletableFuture.supplyAsync(() -> read(gameId, accountId),
                executor);
        reading.thenAccept(snapshot -> {
            if (snapshot.state() != AccountSnapshot.State.UNAVAILABLE) {
                cache.put(key, snapshot);
            }
        });
        try {
            return reading.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            return AccountSnapshot.of(AccountSnapshot.State.UNAVAILABLE, clock.instant());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return AccountSnapshot.of(AccountSnapshot.State.UNAVAILABLE, clock.instant());
        } catch (ExecutionException e) {
            log.warn("Reading game account {} failed", accountId, e.getCause());
            return AccountSnapshot.of(AccountSnapshot.State.UNAVAILABLE, clock.instant());
        }
    }

    /** The account's profile when the backend answers. */
    public Optional<AccountProfile> profile(UUID gameId, String accountId) {
        return Optional.ofNullable(snapshot(gameId, accountId).profile());
    }

    /** Forgets what was read about the account (after an action on it). */
    public void evict(UUID gameId, String accountId) {
        cache.invalidate(new Key(gameId, accountId));
    }

    /** Forgets what was read from the game's backend (after its connector changed). */
    public void evictGame(UUID gameId) {
        cache.asMap().keySet().removeIf(key -> key.gameId().equals(gameId));
    }

    private AccountSnapshot read(UUID gameId, String accountId) {
        try {
            GameBackend game = backends.of(gameId);
            CompletableFuture<AccountProfile> profile = CompletableFuture.supplyAsync(() -> game.profile(accountId),
                    executor);
            CompletableFuture<List<LoginRecord>> logins = CompletableFuture
                    .supplyAsync(() -> game.logins(accountId, LOGINS), executor);
            CompletableFuture<List<BanRecord>> bans = CompletableFuture.supplyAsync(() -> game.bans(accountId),
                    executor);
            CompletableFuture<List<LinkedAccount>> linked = CompletableFuture
                    .supplyAsync(() -> game.linkedAccounts(accountId), executor);
            return new AccountSnapshot(AccountSnapshot.State.AVAILABLE, profile.join(), logins.join(), bans.join(),
                    linked.join(), clock.instant());
        } catch (java.util.concurrent.CompletionException failed) {
            return failure(failed.getCause());
        } catch (RuntimeException failed) {
            return failure(failed);
        }
    }

    private AccountSnapshot failure(Throwable cause) {
        if (cause instanceof UnknownAccount) {
            return AccountSnapshot.of(AccountSnapshot.State.UNKNOWN_ACCOUNT, clock.instant());
        }
        if (!(cause instanceof GameBackendUnavailable)) {
            log.warn("A game backend failed unexpectedly", cause);
        }
        return AccountSnapshot.of(AccountSnapshot.State.UNAVAILABLE, clock.instant());
    }
}
