package org.playerdesk.game;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.playerdesk.game.internal.GameProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Account data read for pages, cached briefly ({@code playerdesk.game.cache-ttl}) so that a page
 * and its panels ask the game once per view and kind of data: a read still under way is shared,
 * not asked again. A backend that is down or slower than {@code playerdesk.game.page-budget}
 * gives an unavailable answer at once instead of holding the page; within one web request all
 * reads together wait at most one page budget. What the game answers later is still cached for
 * the next view. Actions done through {@link GameBackends} drop the account's cached data.
 */
@Service
public class GameAccounts {

    private static final Logger log = LoggerFactory.getLogger(GameAccounts.class);
    private static final String DEADLINE = GameAccounts.class.getName() + ".deadline";
    static final int LOGINS = 20;

    private final GameBackends backends;
    private final Clock clock;
    private final Duration budget;
    private final Cache<Key, Reading> cache;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private record Key(UUID gameId, String accountId, String kind) {
    }

    /** A read started at {@code startedAt} (System.nanoTime), done or under way. */
    private record Reading(CompletableFuture<?> answer, long startedAt) {
    }

    GameAccounts(GameBackends backends, GameProperties properties, Clock clock) {
        this.backends = backends;
        this.clock = clock;
        this.budget = properties.pageBudget();
        this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
    }

    /**
     * The account's profile, recent logins (newest first), bans, linked accounts and the messages
     * delivered to it in the game, with the game's currencies, from the cache when fresh.
     */
    public AccountSnapshot snapshot(UUID gameId, String accountId) {
        return budgeted(new Key(gameId, accountId, "snapshot"), () -> read(gameId, accountId),
                snapshot -> snapshot.state() != AccountSnapshot.State.UNAVAILABLE,
                state -> AccountSnapshot.of(state, clock.instant()));
    }

    /** The account's profile when the backend answers. */
    public Optional<AccountProfile> profile(UUID gameId, String accountId) {
        return Optional.ofNullable(snapshot(gameId, accountId).profile());
    }

    /** The account's currency ledger between two instants, within the page budget and cached like the snapshot. */
    public AccountReading<List<LedgerEntry>> ledger(UUID gameId, String accountId, Instant from, Instant to) {
        return reading(new Key(gameId, accountId, "ledger " + from + " " + to), gameId,
                game -> game.ledger(accountId, from, to));
    }

    /** The account's purchases, within the page budget and cached like the snapshot. */
    public AccountReading<List<Purchase>> purchases(UUID gameId, String accountId) {
        return reading(new Key(gameId, accountId, "purchases"), gameId, game -> game.purchases(accountId));
    }

    /** The account's gift-code redemptions, within the page budget and cached like the snapshot. */
    public AccountReading<List<Redemption>> redemptions(UUID gameId, String accountId) {
        return reading(new Key(gameId, accountId, "redemptions"), gameId, game -> game.redemptions(accountId));
    }

    /** The game's currencies and items, the primary currency first, within the page budget and cached like the snapshot. */
    public AccountReading<List<Currency>> currencies(UUID gameId) {
        return reading(new Key(gameId, "", "currencies"), gameId, GameBackend::currencies);
    }

    /** The game's currencies when its backend answers; else the single primary currency every backend has. */
    public List<Currency> currencyList(UUID gameId) {
        AccountReading<List<Currency>> reading = currencies(gameId);
        return reading.available() && !reading.value().isEmpty() ? reading.value() : List.of(Currency.COINS);
    }

    /** Forgets what was read about the account (after an action on it). */
    public void evict(UUID gameId, String accountId) {
        cache.asMap().keySet()
                .removeIf(key -> key.gameId().equals(gameId) && key.accountId().equals(accountId));
    }

    /** Forgets what was read from the game's backend (after its connector changed). */
    public void evictGame(UUID gameId) {
        cache.asMap().keySet().removeIf(key -> key.gameId().equals(gameId));
    }

    private <T> AccountReading<T> reading(Key key, UUID gameId, Function<GameBackend, T> query) {
        return budgeted(key, () -> {
            try {
                return new AccountReading<>(AccountSnapshot.State.AVAILABLE, query.apply(backends.of(gameId)));
            } catch (RuntimeException failed) {
                return AccountReading.<T>of(failure(failed));
            }
        }, answer -> answer.state() != AccountSnapshot.State.UNAVAILABLE, AccountReading::of);
    }

    /**
     * The cached or shared answer for the key, else a new read; waits no longer than the page
     * budget (from when the read started, and from the first read of the current web request).
     * Unavailable answers are not kept.
     */
    @SuppressWarnings("unchecked")
    private <T> T budgeted(Key key, Supplier<T> reader, Predicate<T> keep,
            Function<AccountSnapshot.State, T> otherwise) {
        Reading cached = cache.getIfPresent(key);
        if (cached == null && !backends.connected(key.gameId())) {
            return otherwise.apply(AccountSnapshot.State.NOT_CONNECTED);
        }
        Reading reading = cached != null ? cached
                : cache.get(key, k -> new Reading(CompletableFuture.supplyAsync(reader, executor), System.nanoTime()));
        CompletableFuture<T> answer = (CompletableFuture<T>) reading.answer();
        answer.whenComplete((value, failed) -> {
            if (failed != null || !keep.test(value)) {
                cache.asMap().remove(key, reading);
            }
        });
        long deadline = Math.min(reading.startedAt() + budget.toNanos(), requestDeadline());
        try {
            return answer.isDone() ? answer.get()
                    : answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException slow) {
            return otherwise.apply(AccountSnapshot.State.UNAVAILABLE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise.apply(AccountSnapshot.State.UNAVAILABLE);
        } catch (ExecutionException e) {
            log.warn("Reading game account {} failed", key.accountId(), e.getCause());
            return otherwise.apply(AccountSnapshot.State.UNAVAILABLE);
        }
    }

    /** When the current web request stops waiting for the game: one page budget after its first read. */
    private long requestDeadline() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return Long.MAX_VALUE;
        }
        if (request.getAttribute(DEADLINE, RequestAttributes.SCOPE_REQUEST) instanceof Long deadline) {
            return deadline;
        }
        long deadline = System.nanoTime() + budget.toNanos();
        request.setAttribute(DEADLINE, deadline, RequestAttributes.SCOPE_REQUEST);
        return deadline;
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
            // a game that cannot list its messages or currencies still shows the account
            CompletableFuture<List<InGameNotice>> notices = CompletableFuture
                    .supplyAsync(() -> game.notices(accountId), executor).exceptionally(failed -> List.of());
            CompletableFuture<List<Currency>> currencies = CompletableFuture
                    .supplyAsync(game::currencies, executor).exceptionally(failed -> List.of(Currency.COINS));
            return new AccountSnapshot(AccountSnapshot.State.AVAILABLE, profile.join(), logins.join(), bans.join(),
                    linked.join(), clock.instant(), notices.join(), currencies.join());
        } catch (java.util.concurrent.CompletionException failed) {
            return snapshotFailure(failed.getCause());
        } catch (RuntimeException failed) {
            return snapshotFailure(failed);
        }
    }

    private AccountSnapshot snapshotFailure(Throwable cause) {
        return AccountSnapshot.of(failure(cause), clock.instant());
    }

    private static AccountSnapshot.State failure(Throwable cause) {
        if (cause instanceof UnknownAccount) {
            return AccountSnapshot.State.UNKNOWN_ACCOUNT;
        }
        if (!(cause instanceof GameBackendUnavailable)) {
            log.warn("A game backend failed unexpectedly", cause);
        }
        return AccountSnapshot.State.UNAVAILABLE;
    }
}
