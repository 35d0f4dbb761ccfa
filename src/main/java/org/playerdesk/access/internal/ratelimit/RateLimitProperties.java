package org.playerdesk.access.internal.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.rate-limits.*} settings: how many requests one caller may make. Each
 * limit is a token bucket: {@code requests} per {@code per} flow back in, and a caller may
 * spend up to {@code burst} at once.
 *
 * @param enabled whether any limit applies
 * @param api per game API key, every call to {@code /api/v1}
 * @param help per client address, posts to a help center (new tickets and replies)
 * @param login per client address, failed sign-ins to the console
 * @param suggest per client address, the help center's article suggestions while a player types
 * @param chat per client address, live chats started ({@code POST /chat/api/{game}/chats}); each may become a ticket
 */
@ConfigurationProperties("playerdesk.rate-limits")
public record RateLimitProperties(Boolean enabled, Limit api, Limit help, Limit login, Limit suggest, Limit chat) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        api = api == null ? new Limit(2000, Duration.ofSeconds(1), 4000) : api;
        help = help == null ? new Limit(10, Duration.ofMinutes(1), 10) : help;
        login = login == null ? new Limit(10, Duration.ofMinutes(1), 10) : login;
        suggest = suggest == null ? new Limit(60, Duration.ofMinutes(1), 20) : suggest;
        chat = chat == null ? new Limit(10, Duration.ofMinutes(1), 10) : chat;
    }

    /**
     * @param requests how many requests flow back in per {@code per}
     * @param per the period of {@code requests}
     * @param burst how many requests a caller may make at once (the bucket's size); {@code requests} when unset
     */
    public record Limit(int requests, Duration per, Integer burst) {

        public Limit {
            if (requests < 1) {
                throw new IllegalArgumentException("a rate limit needs at least 1 request per period");
            }
            per = per == null ? Duration.ofSeconds(1) : per;
            if (per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("a rate limit's period must be positive");
            }
            burst = burst == null ? requests : burst;
            if (burst < 1) {
                throw new IllegalArgumentException("a rate limit's burst must be at least 1");
            }
        }
    }
}
