package org.playerdesk.enforcement;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.AccountStatus;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.GameBackends;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A game backend that keeps the actions it applied, once per idempotency key, as the contract asks;
 * it can be told to be unreachable. Its lookups answer one plain account with two logins.
 */
public class RecordingBackends implements GameBackends, GameBackend {

    public final List<GameAction> applied = new CopyOnWriteArrayList<>();
    private final Map<String, ActionResult> byKey = new ConcurrentHashMap<>();
    public volatile boolean down;

    @TestConfiguration
    public static class Config {
        @Bean
        @Primary
        RecordingBackends recordingBackends() {
            return new RecordingBackends();
        }
    }

    public long appliedWithKey(String key) {
        return applied.stream().filter(a -> a.idempotencyKey().equals(key)).count();
    }

    @Override
    public GameBackend of(UUID gameId) {
        return this;
    }

    @Override
    public boolean connected(UUID gameId) {
        return true;
    }

    @Override
    public ActionResult perform(GameAction action) {
        if (down) {
            throw new GameBackendUnavailable("test backend is down");
        }
        ActionResult first = byKey.get(action.idempotencyKey());
        if (first != null) {
            return new ActionResult(first.applied(), first.reference(), first.message(), true);
        }
        applied.add(action);
        ActionResult result = new ActionResult(true, "ref-" + applied.size(), "ok", false);
        byKey.put(action.idempotencyKey(), result);
        return result;
    }

    @Override
    public AccountProfile profile(String accountId) {
        return new AccountProfile(accountId, "玩家" + accountId, "S1", null, 10, 0, 0, 100, Instant.EPOCH, "10.0.0.1",
                null, AccountStatus.ACTIVE, Instant.EPOCH);
    }

    @Override
    public List<LoginRecord> logins(String accountId, int limit) {
        return List.of(new LoginRecord(Instant.parse("2026-01-02T00:00:00Z"), "203.0.113.9", "Android", "海外"),
                new LoginRecord(Instant.parse("2026-01-01T00:00:00Z"), "10.0.0.1", "iPhone", "广东"));
    }

    @Override
    public List<LedgerEntry> ledger(String accountId, Instant from, Instant to) {
        return List.of();
    }

    @Override
    public List<Purchase> purchases(String accountId) {
        return List.of();
    }

    @Override
    public List<Redemption> redemptions(String accountId) {
        return List.of();
    }

    @Override
    public List<BanRecord> bans(String accountId) {
        return List.of();
    }

    @Override
    public List<LinkedAccount> linkedAccounts(String accountId) {
        return List.of();
    }
}
