package org.playerdesk.social.internal;

/**
 * A WeChat Official Account's API as the social channel uses it: a text message to a follower
 * through the customer-service message API (客服消息), which WeChat accepts within 48 hours of the
 * follower's last message.
 */
interface WeChatApi {

    void sendText(Source account, String openId, String text);
}
