package org.playerdesk.knowledge;

import org.playerdesk.system.entity.Coded;

/** Where in a conversation a canned reply belongs: 开头语, 询问语, 回复语, 结束语. */
public enum ReplyStage implements Coded {
    GREETING("greeting"), INQUIRY("inquiry"), REPLY("reply"), CLOSING("closing");

    private final String code;

    ReplyStage(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static ReplyStage of(String code) {
        return Coded.fromCode(ReplyStage.class, code);
    }
}
