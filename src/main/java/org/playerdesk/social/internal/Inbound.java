package org.playerdesk.social.internal;

/**
 * A post or direct message as a webhook read it: the conversation it belongs to on the platform
 * ({@code threadKey}), its own id ({@code postKey}, what a redelivery repeats), who wrote it, the
 * text and its link, and where an answer goes back ({@code replyTo}: a callback URL or a WeChat
 * openid; {@code replyToken}: a Discord interaction token; {@code channelId}: a Discord channel).
 */
record Inbound(String threadKey, String postKey, String authorId, String authorName, Kind kind, String text,
        String url, String replyTo, String replyToken, String channelId, String network) {

    enum Kind {
        POST("post"), DIRECT("direct");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /** What came of it: the ticket it opened or continued, or the earlier result for a post seen before. */
    record Received(java.util.UUID postId, java.util.UUID ticketId, long ticketNumber, boolean opened,
            boolean duplicate) {
    }
}
