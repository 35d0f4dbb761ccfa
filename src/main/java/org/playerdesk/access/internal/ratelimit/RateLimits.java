package org.playerdesk.access.internal.ratelimit;

import java.time.Clock;

/** The limits of the public doors: the game API per key, help-center posts, suggestions and sign-ins per client address. */
public final class RateLimits {

    private final TokenBuckets api;
    private final TokenBuckets help;
    private final TokenBuckets login;
    private final TokenBuckets suggest;

    public RateLimits(RateLimitProperties properties, Clock clock) {
        this.api = new TokenBuckets(properties.api(), properties.enabled(), clock);
        this.help = new TokenBuckets(properties.help(), properties.enabled(), clock);
        this.login = new TokenBuckets(properties.login(), properties.enabled(), clock);
        this.suggest = new TokenBuckets(properties.suggest(), properties.enabled(), clock);
    }

    /** Calls to the game API, per API key. */
    public TokenBuckets api() {
        return api;
    }

    /** Help-center posts (new tickets and replies), per client address. */
    public TokenBuckets help() {
        return help;
    }

    /** Failed sign-ins to the console, per client address. */
    public TokenBuckets login() {
        return login;
    }

    /** The help center's article suggestions while a player types (GET), per client address. */
    public TokenBuckets suggest() {
        return suggest;
    }
}
