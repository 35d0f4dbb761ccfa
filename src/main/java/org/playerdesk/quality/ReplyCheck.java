package org.playerdesk.quality;

import org.playerdesk.system.entity.Coded;

/**
 * One automatic check of an agent's reply, by its code: the code marks a finding on the page
 * ({@code data-finding="forbidden-phrase"}) and names the check in the rules and the figures.
 */
public enum ReplyCheck implements Coded {
    /** A phrase of the game's list of 服务忌语 (a {@code =phrase} only as a whole sentence). */
    FORBIDDEN_PHRASE("forbidden-phrase"),
    /** A word that answers vaguely (嗯, 好像, 应该, 可能吧, 不太清楚; maybe, probably, not sure). */
    VAGUE_WORD("vague-word"),
    /** The first reply of a conversation does not greet the player. */
    NO_GREETING("no-greeting"),
    /** The reply that ends a conversation has no closing line. */
    NO_CLOSING("no-closing"),
    /** A Chinese reply addresses the player as 你, or says nothing with 您. */
    NO_HONORIFIC("no-honorific"),
    /** The agent sent while the player was still typing (live chat). */
    PLAYER_INTERRUPTED("player-interrupted"),
    /** Longer than the channel takes. */
    TOO_LONG("too-long");

    private final String code;

    ReplyCheck(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
