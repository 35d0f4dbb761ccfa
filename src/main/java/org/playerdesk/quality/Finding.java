package org.playerdesk.quality;

/**
 * What a check found in a reply: the check, how severe the game's rules make it, and the words
 * that set it off ({@code 好像}, the forbidden phrase, {@code 812/500} for a length), empty where
 * there are none (a missing greeting).
 */
public record Finding(ReplyCheck check, Severity severity, String evidence) {

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}
