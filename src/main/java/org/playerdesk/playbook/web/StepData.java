package org.playerdesk.playbook.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.Currency;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.playerdesk.playbook.DataKind;

/**
 * The game data a step shows. For logins, each row says whether it came from the registration IP
 * and whether its region or device is new (not seen in any earlier login listed): the signs of a
 * stolen account. For the ledger, {@code from} and {@code to} frame the reported time, and
 * {@code ledgers} holds one table per currency with its anomalies marked; for trades,
 * {@code counterparties} holds the same window of each other account's ledger. {@code balances}
 * and {@code currencyNames} name every currency and item in the reader's language.
 */
record StepData(DataKind kind, AccountProfile profile, List<LoginRow> logins, List<LedgerEntry> ledger,
        Instant from, Instant to, List<Purchase> purchases, List<Redemption> redemptions, List<BanRecord> bans,
        List<LinkedAccount> linked, String unavailable, List<Ledger> ledgers, List<Balance> balances,
        Map<String, String> currencyNames, List<Counterparty> counterparties) {

    StepData(DataKind kind, AccountProfile profile, List<LoginRow> logins, List<LedgerEntry> ledger, Instant from,
            Instant to, List<Purchase> purchases, List<Redemption> redemptions, List<BanRecord> bans,
            List<LinkedAccount> linked, String unavailable) {
        this(kind, profile, logins, ledger, from, to, purchases, redemptions, bans, linked, unavailable, List.of(),
                List.of(), Map.of(), List.of());
    }

    /** A step's data with the currencies named and the ledger split and marked per currency. */
    StepData named(List<Currency> currencies, Locale locale) {
        Map<String, String> names = new LinkedHashMap<>();
        currencies.forEach(c -> names.put(c.code(), c.name(locale)));
        String primary = currencies.stream().filter(Currency::primary).map(Currency::code).findFirst()
                .orElse(Currency.COINS.code());
        List<Balance> held = profile == null ? List.of() : currencies.stream()
                .map(c -> new Balance(c.code(), c.name(locale), c.item(), profile.balance(c))).toList();
        return new StepData(kind, profile, logins, ledger, from, to, purchases, redemptions, bans, linked, unavailable,
                Ledger.split(ledger, currencies, primary, locale), held, names, counterparties);
    }

    /** The same data with every IP address in it masked by {@code shown}: a step never shows them in clear. */
    StepData withIps(UnaryOperator<String> shown) {
        AccountProfile masked = profile == null ? null
                : profile.withRegistrationIp(shown.apply(profile.registrationIp()));
        List<LoginRow> rows = logins.stream().map(l -> new LoginRow(l.login().withIp(shown.apply(l.login().ip())),
                l.registrationIp(), l.newRegion(), l.newDevice())).toList();
        List<LinkedAccount> others = linked.stream().map(a -> a.withIp(shown)).toList();
        return new StepData(kind, masked, rows, ledger, from, to, purchases, redemptions, bans, others, unavailable,
                ledgers, balances, currencyNames, counterparties);
    }

    StepData with(List<Counterparty> others) {
        return new StepData(kind, profile, logins, ledger, from, to, purchases, redemptions, bans, linked, unavailable,
                ledgers, balances, currencyNames, others);
    }

    /** A currency's or item's balance, by name. */
    record Balance(String code, String name, boolean item, long amount) {
    }

    /** Another account of a trade and its ledger in the same window, split per currency. */
    record Counterparty(String accountId, String nickname, List<Ledger> ledgers, String unavailable) {
    }

    /**
     * One currency's movements in the window, each marked: a large outflow (half or more of the
     * balance before it) and currency given to another account are what a stolen account, a scam
     * or a mistaken redemption look like.
     */
    record Ledger(String currency, String name, List<Row> rows, long marked) {

        record Row(LedgerEntry entry, boolean large, boolean trade) {
            public boolean marked() {
                return large || trade;
            }
        }

        static List<Ledger> split(List<LedgerEntry> entries, List<Currency> currencies, String primary,
                Locale locale) {
            Map<String, List<Row>> rows = new LinkedHashMap<>();
            currencies.forEach(c -> rows.put(c.code(), new ArrayList<>()));
            for (LedgerEntry e : entries) {
                long before = e.balance() - e.amount();
                boolean out = e.amount() < 0;
                rows.computeIfAbsent(e.currencyOr(primary), k -> new ArrayList<>()).add(new Row(e,
                        out && before > 0 && -e.amount() * 2 >= before, out && e.counterparty() != null));
            }
            Map<String, String> names = new LinkedHashMap<>();
            currencies.forEach(c -> names.put(c.code(), c.name(locale)));
            return rows.entrySet().stream().filter(r -> !r.getValue().isEmpty())
                    .map(r -> new Ledger(r.getKey(), names.getOrDefault(r.getKey(), r.getKey()), r.getValue(),
                            r.getValue().stream().filter(Row::marked).count()))
                    .toList();
        }
    }

    record LoginRow(LoginRecord login, boolean registrationIp, boolean newRegion, boolean newDevice) {
        public boolean suspicious() {
            return !registrationIp && (newRegion || newDevice);
        }
    }

    static StepData unavailable(DataKind kind, String why) {
        return new StepData(kind, null, List.of(), List.of(), null, null, List.of(), List.of(), List.of(), List.of(),
                why);
    }

    /** Marks the logins (newest first, as the backend gives them) against the ones before each. */
    static List<LoginRow> mark(AccountProfile profile, List<LoginRecord> newestFirst) {
        List<LoginRow> rows = new ArrayList<>();
        Set<String> regions = new HashSet<>();
        Set<String> devices = new HashSet<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            LoginRecord login = newestFirst.get(i);
            boolean first = i == newestFirst.size() - 1;
            boolean fromRegistration = profile != null && login.ip() != null && login.ip().equals(profile.registrationIp());
            rows.addFirst(new LoginRow(login, fromRegistration, !first && !regions.contains(login.region()),
                    !first && !devices.contains(login.device())));
            regions.add(login.region());
            devices.add(login.device());
        }
        return rows;
    }
}
