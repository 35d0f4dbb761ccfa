package org.playerdesk.social.internal;

import org.playerdesk.system.entity.Coded;

/** How a source reaches PlayerDesk; names under {@code social.platform.<code>}. */
public enum Platform implements Coded {
    /** A forum or anything else, through the generic JSON webhook signed like PlayerDesk's own calls. */
    GENERIC("generic"),
    /** A WeChat Official Account's message push (微信公众号). */
    WECHAT("wechat"),
    /** A Discord application's interactions endpoint. */
    DISCORD("discord");

    private final String code;

    Platform(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    static Platform of(String code) {
        for (Platform p : values()) {
            if (p.code.equals(code)) {
                return p;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
