package org.playerdesk.game.internal.simulated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.game.internal.GameProperties;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated game served over HTTP with the game connector's contract
 * (docs/game-connector.md): a stand-in for a real game's backend, to try the HTTP connector
 * against. Off unless {@code playerdesk.game.simulated-http.enabled} is true; every request must
 * be signed with {@code playerdesk.game.simulated-http.secret}.
 */
@RestController
@RequestMapping("/simulated-game/{code}")
@ConditionalOnProperty(name = "playerdesk.game.simulated-http.enabled", havingValue = "true")
class SimulatedGameHttp {

    private final SimulatedGames games;
    private final String secret;
    private final JsonMapper json;
    private final Clock clock;

    SimulatedGameHttp(SimulatedGames games, GameProperties properties, JsonMapper json, Clock clock) {
        this.games = games;
        this.secret = properties.simulatedHttp().secret();
        this.json = json;
        this.clock = clock;
    }

    /** Signed requests only, no session, no CSRF token: a server-to-server endpoint. */
    @Configuration
    @ConditionalOnProperty(name = "playerdesk.game.simulated-http.enabled", havingValue = "true")
    static class Security {

        @Bean
        @Order(0)
        SecurityFilterChain simulatedGame(HttpSecurity http) throws Exception {
            http.securityMatcher("/simulated-game/**")
                    .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                    .csrf(c -> c.disable())
                    .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(c -> c.disable());
            return http.build();
        }
    }

    private static ResponseEntity<Object> error(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(Map.of("error", code, "message", message));
    }

    private ResponseEntity<Object> answer(String code, HttpServletRequest request, byte[] body,
            Function<GameBackend, Object> work) {
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        if (!SignedRequests.verify(secret, request.getMethod(), path, request.getHeader(SignedRequests.TIMESTAMP), body,
                request.getHeader(SignedRequests.SIGNATURE), clock.instant())) {
            return error(HttpStatus.UNAUTHORIZED, "bad_signature", "the request signature is missing, wrong or stale");
        }
        try {
            return ResponseEntity.ok(work.apply(games.backend(code)));
        } catch (UnknownAccount unknown) {
            return error(HttpStatus.NOT_FOUND, "unknown_account", unknown.getMessage());
        } catch (IllegalArgumentException | DateTimeParseException | JacksonException bad) {
            return error(HttpStatus.BAD_REQUEST, "bad_request", bad.getMessage());
        }
    }

    @GetMapping("/health")
    ResponseEntity<Object> health(@PathVariable String code, HttpServletRequest request) {
        return answer(code, request, null, game -> Map.of("status", "ok"));
    }

    @GetMapping("/currencies")
    ResponseEntity<Object> currencies(@PathVariable String code, HttpServletRequest request) {
        return answer(code, request, null, GameBackend::currencies);
    }

    @GetMapping("/accounts/{id}/notices")
    ResponseEntity<Object> notices(@PathVariable String code, @PathVariable String id, HttpServletRequest request) {
        return answer(code, request, null, game -> game.notices(id));
    }

    @GetMapping("/accounts/{id}")
    ResponseEntity<Object> profile(@PathVariable String code, @PathVariable String id, HttpServletRequest request) {
        return answer(code, request, null, game -> game.profile(id));
    }

    @GetMapping("/accounts/{id}/logins")
    ResponseEntity<Object> logins(@PathVariable String code, @PathVariable String id,
            @RequestParam(defaultValue = "20") int limit, HttpServletRequest request) {
        return answer(code, request, null, game -> game.logins(id, Math.min(limit, 500)));
    }

    @GetMapping("/accounts/{id}/ledger")
    ResponseEntity<Object> ledger(@PathVariable String code, @PathVariable String id,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            HttpServletRequest request) {
        return answer(code, request, null, game -> game.ledger(id, from == null ? null : Instant.parse(from),
                to == null ? null : Instant.parse(to)));
    }

    @GetMapping("/accounts/{id}/purchases")
    ResponseEntity<Object> purchases(@PathVariable String code, @PathVariable String id, HttpServletRequest request) {
        return answer(code, request, null, game -> game.purchases(id));
    }

    @GetMapping("/accounts/{id}/redemptions")
    ResponseEntity<Object> redemptions(@PathVariable String code, @PathVariable String id,
            HttpServletRequest request) {
        return answer(code, request, null, game -> game.redemptions(id));
    }

    @GetMapping("/accounts/{id}/bans")
    ResponseEntity<Object> bans(@PathVariable String code, @PathVariable String id, HttpServletRequest request) {
        return answer(code, request, null, game -> game.bans(id));
    }

    @GetMapping("/accounts/{id}/linked")
    ResponseEntity<Object> linked(@PathVariable String code, @PathVariable String id, HttpServletRequest request) {
        return answer(code, request, null, game -> game.linkedAccounts(id));
    }

    @PostMapping("/accounts/{id}/actions/{action}")
    ResponseEntity<Object> act(@PathVariable String code, @PathVariable String id, @PathVariable String action,
            @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        String key = request.getHeader(SignedRequests.IDEMPOTENCY_KEY);
        return answer(code, request, body, game -> {
            if (key == null || key.isBlank() || key.length() > 100) {
                throw new IllegalArgumentException("the Idempotency-Key header must hold 1 to 100 characters");
            }
            JsonNode b = body == null || body.length == 0 ? json.createObjectNode() : json.readTree(body);
            String operator = text(b, "operator");
            String reason = text(b, "reason");
            GameAction act = switch (action) {
                case "ban" -> new GameAction.Ban(key, id, operator,
                        b.path("durationSeconds").isNumber() ? Duration.ofSeconds(b.path("durationSeconds").asLong())
                                : null, reason);
                case "unban" -> new GameAction.Unban(key, id, operator, reason);
                case "compensate" -> new GameAction.Compensate(key, id, operator, text(b, "currency"),
                        b.path("currencyAmount").asLong(0), text(b, "item"), b.path("quantity").asInt(0), reason);
                case "notify" -> new GameAction.Notify(key, id, operator, text(b, "channel"), text(b, "title"),
                        text(b, "text"));
                case "message" -> new GameAction.Message(key, id, operator, text(b, "campaign"), text(b, "title"),
                        text(b, "text"));
                case "freeze" -> new GameAction.Freeze(key, id, operator, reason);
                case "reset-password" -> new GameAction.ResetPassword(key, id, operator);
                default -> throw new IllegalArgumentException("unknown action " + action);
            };
            return game.perform(act);
        });
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.path(field);
        return node.isString() ? node.asString() : null;
    }
}
