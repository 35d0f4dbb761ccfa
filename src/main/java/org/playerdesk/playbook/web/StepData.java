package org.playerdesk.playbook.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.playerdesk.playbook.DataKind;

/**
 * The game data a step shows. For logins, each row says whether it came from the registration IP
 * and whether its region or device is new (not seen in any earlier login listed): the signs of a
 * stolen account. For the ledger, {@code from} and {@code to} frame the reported time.
 */
record StepData(DataKind kind, AccountProfile profile, List<LoginRow> logins, List<LedgerEntry> ledger,
        Instant from, Instant to, List<Purchase> purchases, List<Redemption> redemptions, List<BanRecord> bans,
        List<LinkedAccount> linked, String unavailable) {

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
