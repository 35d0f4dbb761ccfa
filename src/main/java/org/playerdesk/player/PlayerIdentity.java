package org.playerdesk.player;

import org.playerdesk.system.validation.SingleLine;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Who a player says they are when they contact support: the game account id (required), and
 * optionally the nickname, server (区服) and in-game role they play.
 */
public record PlayerIdentity(
        @NotBlank(message = "{invalid.blank}") @Size(max = PlayerDirectory.ACCOUNT_ID_MAX, message = "{invalid.tooLong}")
        @SingleLine String accountId,
        @Size(max = 100, message = "{invalid.tooLong}") @SingleLine String nickname,
        @Size(max = 64, message = "{invalid.tooLong}") @SingleLine String server,
        @Size(max = 100, message = "{invalid.tooLong}") @SingleLine String role) {

    public static PlayerIdentity of(String accountId) {
        return new PlayerIdentity(accountId, null, null, null);
    }

    /** The identity as it is checked and kept: each text without the blanks around it, an empty one as none. */
    public PlayerIdentity tidied() {
        return new PlayerIdentity(tidy(accountId), tidy(nickname), tidy(server), tidy(role));
    }

    private static String tidy(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
