package org.playerdesk.player;

/**
 * Who a player says they are when they contact support: the game account id (required), and
 * optionally the nickname, server (区服) and in-game role they play.
 */
public record PlayerIdentity(String accountId, String nickname, String server, String role) {

    public static PlayerIdentity of(String accountId) {
        return new PlayerIdentity(accountId, null, null, null);
    }
}
