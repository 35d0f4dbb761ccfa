package org.playerdesk.enforcement;

import org.playerdesk.system.entity.Coded;

/** One rung of a penalty ladder; names in both languages under {@code gm.penalty.<code>}. */
public enum Penalty implements Coded {
    /** A recorded warning and a notice to the player. */
    WARNING("warning"),
    /** A ban of {@code days} days. */
    BAN("ban"),
    PERMANENT_BAN("permanent_ban"),
    /** No automatic penalty: a GM looks at the case (cheating: 酌情处理). */
    REVIEW("review");

    private final String code;

    Penalty(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }
}
