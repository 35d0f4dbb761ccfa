package org.playerdesk.social.internal;

/**
 * A Discord application's API as the social channel uses it: a follow-up message on an
 * interaction (its token lasts 15 minutes), or a message in a channel with the bot's token.
 */
interface DiscordApi {

    void followUp(String applicationId, String interactionToken, String text);

    void channelMessage(String botToken, String channelId, String text);
}
