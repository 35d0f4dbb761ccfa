package org.playerdesk.game;

/** The game's backend does not know this account. */
public class UnknownAccount extends RuntimeException {

    public UnknownAccount(String accountId) {
        super("unknown game account " + accountId);
    }
}
