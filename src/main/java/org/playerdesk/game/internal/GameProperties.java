package org.playerdesk.game.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code playerdesk.game.*} settings: defaults of the connectors to game backends (a game's
 * own connector settings override the timeouts), and the simulated game served over HTTP.
 *
 * @param connectTimeout how long the HTTP connector waits to connect
 * @param readTimeout how long it waits for an answer
 * @param retries how many times a failed call is tried again (connection failures and 502/503/504
 *        only; never a timed-out read)
 * @param circuitBreaker when to stop calling a failing backend for a while
 * @param cacheTtl how long the player panel keeps what it read from a backend
 * @param pageBudget how long a page waits for a backend before saying its data is unavailable
 * @param simulatedHttp serving the simulated game over HTTP (the connector's contract)
 */
@ConfigurationProperties("playerdesk.game")
public record GameProperties(Duration connectTimeout, Duration readTimeout, Integer retries,
        CircuitBreaker circuitBreaker, Duration cacheTtl, Duration pageBudget, SimulatedHttp simulatedHttp) {

    public GameProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(3) : readTimeout;
        retries = retries == null ? 1 : retries;
        circuitBreaker = circuitBreaker == null ? new CircuitBreaker(null, null, null, null) : circuitBreaker;
        cacheTtl = cacheTtl == null ? Duration.ofSeconds(30) : cacheTtl;
        pageBudget = pageBudget == null ? Duration.ofMillis(1500) : pageBudget;
        simulatedHttp = simulatedHttp == null ? new SimulatedHttp(false, null) : simulatedHttp;
    }

    /**
     * @param failureRate the share of failed calls (percent) that opens the circuit
     * @param window how many of the latest calls are counted
     * @param minimumCalls how many calls are needed before the rate counts
     * @param openFor how long an open circuit refuses calls before letting a few through (half-open)
     */
    public record CircuitBreaker(Integer failureRate, Integer window, Integer minimumCalls, Duration openFor) {
        public CircuitBreaker {
            failureRate = failureRate == null ? 50 : failureRate;
            window = window == null ? 10 : window;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            openFor = openFor == null ? Duration.ofSeconds(30) : openFor;
        }
    }

    /**
     * @param enabled whether {@code /simulated-game/{code}/...} answers
     * @param secret the HMAC secret its callers sign with
     */
    public record SimulatedHttp(boolean enabled, String secret) {
    }
}
