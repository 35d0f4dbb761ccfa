package org.playerdesk.social.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code playerdesk.social.*}: where the platforms' APIs are (changed for a proxy, or for a local
 * stand-in in tests) and how long a call to them may take.
 */
@ConfigurationProperties("playerdesk.social")
public record SocialSettings(@DefaultValue("https://api.weixin.qq.com") String wechatBaseUrl,
        @DefaultValue("https://discord.com/api/v10") String discordBaseUrl,
        @DefaultValue("10s") Duration timeout) {

    static String trimmed(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
