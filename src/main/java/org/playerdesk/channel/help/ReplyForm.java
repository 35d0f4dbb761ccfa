package org.playerdesk.channel.help;

/** A player's reply through the private link, kept as typed when it has to be shown again. */
record ReplyForm(String message) {

    static ReplyForm empty() {
        return new ReplyForm(null);
    }
}
