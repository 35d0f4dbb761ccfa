package org.playerdesk.playbook;

import org.playerdesk.system.entity.Coded;

/** Which of the game's data a procedure step shows beside its instructions. */
public enum DataKind implements Coded {
    NONE("none"), PROFILE("profile"), LOGINS("logins"), LEDGER("ledger"), PURCHASES("purchases"),
    REDEMPTIONS("redemptions"), BANS("bans"), LINKED_ACCOUNTS("linked_accounts"),
    /** The player's trades with other accounts around the reported time, and those accounts' ledgers then. */
    TRADES("trades");

    private final String code;

    DataKind(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
