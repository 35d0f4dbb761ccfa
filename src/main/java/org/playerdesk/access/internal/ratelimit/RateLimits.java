package org.playerdesk.access.internal.ratelimit;

import org.playerdesk.system.ratelimit.RateLimit;
import org.playerdesk.system.ratelimit.RateLimiter;
import org.playerdesk.system.ratelimit.RateLimiters;

/** The limits of the public doors: the game API per key, help-center posts, suggestions, chat starts and sign-ins per client address. */
public final class RateLimits {

    private final RateLimiter api;
    private final RateLimiter help;
    private final RateLimiter login;
    private final RateLimiter suggest;
    private final RateLimiter chat;

    public RateLimits(RateLimitProperties properties, RateLimiters limiters) {
        this.api = limiter("api", properties.api(), properties.enabled(), limiters);
        this.help = limiter("help", properties.help(), properties.enabled(), limiters);
        this.login = limiter("login", properties.login(), properties.enabled(), limiters);
        this.suggest = limiter("suggest", properties.suggest(), properties.enabled(), limiters);
        this.chat = limiter("chat", properties.chat(), properties.enabled(), limiters);
    }

    private static RateLimiter limiter(String name, RateLimitProperties.Limit limit, boolean enabled,
            RateLimiters limiters) {
        return enabled ? limiters.limiter(RateLimit.tokenBucket(name, limit.requests(), limit.per(), limit.burst()))
                : RateLimiter.UNLIMITED;
    }

    /** Calls to the game API, per API key. */
    public RateLimiter api() {
        return api;
    }

    /** Help-center posts (new tickets and replies), per client address. */
    public RateLimiter help() {
        return help;
    }

    /** Failed sign-ins to the console, per client address. */
    public RateLimiter login() {
        return login;
    }

    /** The help center's article suggestions while a player types (GET), per client address. */
    public RateLimiter suggest() {
        return suggest;
    }

    /** Live chats started by players, per client address. */
    public RateLimiter chat() {
        return chat;
    }
}
