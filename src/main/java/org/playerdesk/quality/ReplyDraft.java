package org.playerdesk.quality;

/**
 * An agent's reply as the checks see it: its text, whether it is the first agent reply of the
 * conversation (it should greet) or the one that ends it (it should close), whether the player was
 * typing when it was sent (live chat), and the channel's length limit in characters (0: none).
 */
public record ReplyDraft(String text, boolean opensConversation, boolean closesConversation, boolean playerTyping,
        int lengthLimit) {

    public ReplyDraft {
        text = text == null ? "" : text;
    }

    /** A reply in the middle of a conversation, on a channel without a length limit. */
    public static ReplyDraft of(String text) {
        return new ReplyDraft(text, false, false, false, 0);
    }
}
