package org.playerdesk.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.playerdesk.access.internal.ApiKey;
import org.playerdesk.access.internal.ApiKeyRepository;
import org.playerdesk.game.GameArchived;
import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameChanged;
import org.playerdesk.system.signing.Hashes;
import org.playerdesk.system.validation.InputValidation;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.validation.SingleLine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Game API keys. A key is shown once when created; only its SHA-256 is stored (keys are long
 * random strings, so a fast hash is enough and lets a key be found by its hash). Verified keys
 * are remembered for a few seconds so that intake does not read the key table on every call;
 * a revoked key stops working within that time on every node.
 */
@Service
@Transactional(readOnly = true)
public class ApiKeys {

    static final Duration REMEMBER = Duration.ofSeconds(10);
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();

    private final ApiKeyRepository keys;
    private final Clock clock;
    private final GameCatalog games;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<GameClient>> verified = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBER).maximumSize(10_000).build();
    private final Cache<UUID, Instant> lastTouched = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    private final InputValidation validation;

    ApiKeys(ApiKeyRepository keys, Clock clock, GameCatalog games, InputValidation validation) {
        this.keys = keys;
        this.clock = clock;
        this.games = games;
        this.validation = validation;
    }

    /** A key to register: a name people recognize, its game, and the secret the game server sends. */
    record NewApiKey(
            @NotBlank(message = "{invalid.blank}") @Size(max = 100, message = "{invalid.tooLong}") @SingleLine
            String name,
            @NotNull(message = "{invalid.required}") UUID gameId,
            @NotNull(message = "{invalid.required}") @Size(min = 8, message = "{invalid.size.min}") String secret) {
    }

    /** Creates a key with a random secret; the answer is the only place the secret appears. */
    @Transactional
    public IssuedApiKey create(UUID gameId, String name, String createdBy) {
        StringBuilder secret = new StringBuilder("pdk_");
        for (int i = 0; i < 40; i++) {
            secret.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return register(gameId, name, secret.toString(), createdBy);
    }

    /** Registers a key whose secret is chosen by the caller (the demo workspace's {@code demo-key}). */
    @Transactional
    public IssuedApiKey register(UUID gameId, String name, String secret, String createdBy) {
        validation.check(new NewApiKey(name, gameId, secret));
        ApiKey key = new ApiKey(gameId, name.strip(), shownPrefix(secret), Hashes.sha256(secret), createdBy,
                clock.instant());
        return keys.save(key).issued(secret);
    }

    /**
     * What the console shows of a key to tell keys apart: its first {@value #PREFIX} characters, and
     * only of a key at least {@value #PREFIX_FROM} long, so that the prefix never gives away a whole
     * short key (or most of it); nothing of a shorter one.
     */
    static String shownPrefix(String secret) {
        return secret.length() >= PREFIX_FROM ? secret.substring(0, PREFIX) : "";
    }

    static final int PREFIX = 8;
    static final int PREFIX_FROM = 32;

    @Transactional
    public void revoke(UUID keyId) {
        ApiKey key = keys.findById(keyId).orElseThrow(() -> new NotFoundException("api key", keyId));
        key.revoke(clock.instant());
        verified.invalidateAll();
    }

    public List<IssuedApiKey> all() {
        return keys.findAllByOrderByCreatedAtDesc().stream().map(k -> k.issued(null)).toList();
    }

    /** The keys of one game, newest first (without their secrets). */
    public List<IssuedApiKey> ofGame(UUID gameId) {
        return all().stream().filter(k -> gameId.equals(k.gameId())).toList();
    }

    /** An archived game's keys stop working at once on this node (others within {@link #REMEMBER}). */
    @TransactionalEventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void on(GameArchived archived) {
        verified.invalidateAll();
    }

    @TransactionalEventListener
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    void on(GameChanged changed) {
        verified.invalidateAll();
    }

    /** The game a presented key belongs to, if the key exists, is not revoked and its game is not archived. */
    @Transactional
    public Optional<GameClient> authenticate(String presented) {
        if (presented == null || presented.isBlank() || presented.length() > 200) {
            return Optional.empty();
        }
        String hash = Hashes.sha256(presented);
        Optional<GameClient> client = verified.get(hash, h -> keys.findByKeyHash(h)
                .filter(k -> !k.revoked())
                .filter(k -> games.active(k.gameId()))
                .map(k -> new GameClient(k.gameId(), k.getId())));
        client.ifPresent(this::touch);
        return client;
    }

    /** Records when a key was last used, at most once a minute per key. */
    private void touch(GameClient client) {
        Instant now = clock.instant();
        Instant last = lastTouched.getIfPresent(client.keyId());
        if (last == null || last.isBefore(now.minus(Duration.ofMinutes(1)))) {
            lastTouched.put(client.keyId(), now);
            keys.touch(client.keyId(), now);
        }
    }

}
