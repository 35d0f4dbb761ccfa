package org.playerdesk.game.internal.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import org.playerdesk.game.AccountProfile;
import org.playerdesk.game.ActionResult;
import org.playerdesk.game.BanRecord;
import org.playerdesk.game.Currency;
import org.playerdesk.game.InGameNotice;
import org.playerdesk.game.GameAction;
import org.playerdesk.game.GameBackend;
import org.playerdesk.game.GameBackendUnavailable;
import org.playerdesk.game.LedgerEntry;
import org.playerdesk.game.LinkedAccount;
import org.playerdesk.game.LoginRecord;
import org.playerdesk.game.Purchase;
import org.playerdesk.game.Redemption;
import org.playerdesk.game.UnknownAccount;
import org.playerdesk.system.retry.Retries;
import org.playerdesk.system.signing.SignedRequests;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.playerdesk.system.net.OutboundAddresses;
import org.playerdesk.system.net.RefusedAddress;
import org.springframework.web.util.UriComponentsBuilder;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP connector to a real game's backend (docs/game-connector.md): signed JSON requests with
 * connect and read timeouts, a retry of calls that failed to connect or were answered 502/503/504
 * (lookups are safe to repeat, actions carry their idempotency key), never of a read that timed
 * out, and a circuit breaker that stops calling a failing backend for a while.
 */
public final class HttpGameBackend implements GameBackend {

    private final String baseUrl;
    private final RestClient client;
    private final JsonMapper json;
    private final RetryTemplate retry;
    private final CircuitBreaker breaker;

    public HttpGameBackend(String baseUrl, String secret, Duration connectTimeout, Duration readTimeout, int retries,
            CircuitBreaker breaker, JsonMapper json, Clock clock, OutboundAddresses outbound) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.json = json;
        this.retry = Retries.atOnce(1 + Math.max(0, retries),
                failure -> failure instanceof Failed failed && failed.retryable);
        this.breaker = breaker;
        HttpClient http = HttpClient.newBuilder().connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(readTimeout);
        this.client = RestClient.builder().requestFactory(factory).requestInterceptor((request, body, execution) -> {
            URI uri = request.getURI();
            outbound.check(uri); // on each call: the name may resolve elsewhere since it was saved
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            request.getHeaders().set(SignedRequests.TIMESTAMP, timestamp);
            request.getHeaders().set(SignedRequests.SIGNATURE,
                    SignedRequests.sign(secret, request.getMethod().name(), path, timestamp, body));
            return execution.execute(request, body);
        }).build();
    }

    public CircuitBreaker.State circuit() {
        return breaker.getState();
    }

    /** Asks the backend's health endpoint; throws {@link GameBackendUnavailable} when it does not answer well. */
    public void ping() {
        call(HttpMethod.GET, "/health", null, null, new TypeReference<Map<String, Object>>() {
        });
    }

    @Override
    public AccountProfile profile(String accountId) {
        return call(HttpMethod.GET, account(accountId), null, null, new TypeReference<AccountProfile>() {
        });
    }

    @Override
    public List<LoginRecord> logins(String accountId, int limit) {
        return call(HttpMethod.GET, account(accountId, "logins") + "?limit=" + limit, null, null,
                new TypeReference<List<LoginRecord>>() {
                });
    }

    @Override
    public List<LedgerEntry> ledger(String accountId, Instant from, Instant to) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(account(accountId, "ledger"));
        if (from != null) {
            uri.queryParam("from", from.toString());
        }
        if (to != null) {
            uri.queryParam("to", to.toString());
        }
        return call(HttpMethod.GET, uri.build().toUriString(), null, null, new TypeReference<List<LedgerEntry>>() {
        });
    }

    @Override
    public List<Purchase> purchases(String accountId) {
        return call(HttpMethod.GET, account(accountId, "purchases"), null, null, new TypeReference<List<Purchase>>() {
        });
    }

    @Override
    public List<Redemption> redemptions(String accountId) {
        return call(HttpMethod.GET, account(accountId, "redemptions"), null, null,
                new TypeReference<List<Redemption>>() {
                });
    }

    @Override
    public List<BanRecord> bans(String accountId) {
        return call(HttpMethod.GET, account(accountId, "bans"), null, null, new TypeReference<List<BanRecord>>() {
        });
    }

    @Override
    public List<LinkedAccount> linkedAccounts(String accountId) {
        return call(HttpMethod.GET, account(accountId, "linked"), null, null,
                new TypeReference<List<LinkedAccount>>() {
                });
    }

    /** {@code GET /currencies}; a backend that does not serve it (404) holds one primary currency. */
    @Override
    public List<Currency> currencies() {
        List<Currency> named = call(HttpMethod.GET, "/currencies", null, null, new TypeReference<List<Currency>>() {
        }, true);
        return named == null || named.isEmpty() ? List.of(Currency.COINS) : primaryFirst(named);
    }

    /** {@code GET /accounts/{id}/notices}; a backend that does not serve it (404) keeps none to read. */
    @Override
    public List<InGameNotice> notices(String accountId) {
        List<InGameNotice> notices = call(HttpMethod.GET, account(accountId, "notices"), null, null,
                new TypeReference<List<InGameNotice>>() {
                }, true);
        return notices == null ? List.of() : notices;
    }

    private static List<Currency> primaryFirst(List<Currency> named) {
        boolean anyPrimary = named.stream().anyMatch(Currency::primary);
        List<Currency> ordered = new java.util.ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            Currency c = named.get(i);
            boolean primary = anyPrimary ? c.primary() : i == 0 && !c.item();
            ordered.add(primary ? new Currency(c.code(), c.kind(), c.names(), true)
                    : new Currency(c.code(), c.kind(), c.names(), false));
        }
        ordered.sort(java.util.Comparator.comparing((Currency c) -> !c.primary()));
        return List.copyOf(ordered);
    }

    @Override
    public ActionResult perform(GameAction action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operator", action.operator());
        String name = switch (action) {
            case GameAction.Ban ban -> {
                body.put("reason", ban.reason());
                body.put("durationSeconds", ban.duration() == null ? null : ban.duration().toSeconds());
                yield "ban";
            }
            case GameAction.Unban unban -> {
                body.put("reason", unban.reason());
                yield "unban";
            }
            case GameAction.Compensate c -> {
                if (c.currency() != null) {
                    body.put("currency", c.currency());
                }
                body.put("currencyAmount", c.currencyAmount());
                body.put("item", c.item());
                body.put("quantity", c.quantity());
                body.put("reason", c.reason());
                yield "compensate";
            }
            case GameAction.Freeze freeze -> {
                body.put("reason", freeze.reason());
                yield "freeze";
            }
            case GameAction.ResetPassword reset -> "reset-password";
            case GameAction.Notify notify -> {
                body.put("channel", notify.channel());
                body.put("title", notify.title());
                body.put("text", notify.text());
                yield "notify";
            }
            case GameAction.Message message -> {
                body.put("campaign", message.campaign());
                body.put("title", message.title());
                body.put("text", message.text());
                yield "message";
            }
        };
        return call(HttpMethod.POST, account(action.accountId(), "actions/" + name), json.writeValueAsString(body),
                action.idempotencyKey(), new TypeReference<ActionResult>() {
                });
    }

    private static String account(String accountId, String... rest) {
        if (accountId == null || accountId.isBlank()) {
            throw new UnknownAccount(accountId);
        }
        StringBuilder path = new StringBuilder("/accounts/")
                .append(org.springframework.web.util.UriUtils.encodePathSegment(accountId, StandardCharsets.UTF_8));
        for (String part : rest) {
            path.append('/').append(part);
        }
        return path.toString();
    }

    /** A failed attempt and whether trying again may help. */
    private static final class Failed extends RuntimeException {
        final boolean retryable;

        Failed(String message, Throwable cause, boolean retryable) {
            super(message, cause);
            this.retryable = retryable;
        }
    }

    private <T> T call(HttpMethod method, String path, String body, String idempotencyKey, TypeReference<T> type) {
        return call(method, path, body, idempotencyKey, type, false);
    }

    /** With {@code optional}, a plain 404 (a part of the contract the game does not serve) answers null. */
    private <T> T call(HttpMethod method, String path, String body, String idempotencyKey, TypeReference<T> type,
            boolean optional) {
        try {
            return breaker.executeSupplier(() -> {
                try {
                    return retry.invoke(() -> once(method, path, body, idempotencyKey, type, optional));
                } catch (Failed failed) {
                    throw new GameBackendUnavailable(failed.getMessage(), failed.getCause());
                }
            });
        } catch (CallNotPermittedException open) {
            throw new GameBackendUnavailable("the game backend failed repeatedly; calls are paused for a while", open);
        }
    }

    private <T> T once(HttpMethod method, String path, String body, String idempotencyKey, TypeReference<T> type,
            boolean optional) {
        Answer answer;
        try {
            RestClient.RequestBodySpec request = client.method(method).uri(URI.create(baseUrl + path))
                    .accept(MediaType.APPLICATION_JSON);
            if (idempotencyKey != null) {
                request.header(SignedRequests.IDEMPOTENCY_KEY, idempotencyKey);
            }
            if (body != null) {
                request.contentType(MediaType.APPLICATION_JSON).body(body.getBytes(StandardCharsets.UTF_8));
            }
            answer = request.exchange((req, res) -> new Answer(res.getStatusCode().value(),
                    new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8)), true);
        } catch (ResourceAccessException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RefusedAddress refused) {
                throw new Failed(refused.getMessage(), e, false);
            }
            boolean connectFailed = cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException
                    || (cause instanceof IOException && cause.getCause() instanceof ConnectException);
            throw new Failed(connectFailed ? "cannot connect to the game backend" : "the game backend did not answer in time",
                    e, connectFailed);
        }
        int status = answer.status();
        if (status >= 200 && status < 300) {
            try {
                T value = json.readValue(answer.body(), type);
                if (value == null) {
                    throw new Failed("the game backend answered nothing", null, false);
                }
                return value;
            } catch (JacksonException nonsense) {
                throw new Failed("the game backend answered something unreadable", nonsense, false);
            }
        }
        if (status == 404 && answer.body().contains("unknown_account")) {
            throw new UnknownAccount(path);
        }
        if (status == 404 && optional) {
            return null;
        }
        throw new Failed("the game backend answered " + status, null, status == 502 || status == 503 || status == 504);
    }

    private record Answer(int status, String body) {
    }
}
