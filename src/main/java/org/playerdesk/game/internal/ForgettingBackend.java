package org.playerdesk.game.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;

/** A backend whose actions make the pages forget what they had read about the account. */
record ForgettingBackend(GameBackend backend, Consumer<String> forget) implements GameBackend {

    @Override
    public AccountProfile profile(String accountId) {
        return backend.profile(accountId);
    }

    @Override
    public List<LoginRecord> logins(String accountId, int limit) {
        return backend.logins(accountId, limit);
    }

    @Override
    public List<LedgerEntry> ledger(String accountId, Instant from, Instant to) {
        return backend.ledger(accountId, from, to);
    }

    @Override
    public List<Purchase> purchases(String accountId) {
        return backend.purchases(accountId);
    }

    @Override
    public List<Redemption> redemptions(String accountId) {
        return backend.redemptions(accountId);
    }

    @Override
    public List<BanRecord> bans(String accountId) {
        return backend.bans(accountId);
    }

    @Override
    public List<LinkedAccount> linkedAccounts(String accountId) {
        return backend.linkedAccounts(accountId);
    }

    @Override
    public List<org.playerdesk.game.Currency> currencies() {
        return backend.currencies();
    }

    @Override
    public List<org.playerdesk.game.InGameNotice> notices(String accountId) {
        return backend.notices(accountId);
    }

    @Override
    public ActionResult perform(GameAction action) {
        try {
            return backend.perform(action);
        } finally {
            forget.accept(action.accountId());
        }
    }
}
