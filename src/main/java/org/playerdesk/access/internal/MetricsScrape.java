package org.playerdesk.access.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.Supplier;

import org.playerdesk.system.net.AddressRange;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may read {@code /actuator/prometheus}: a scraper with the bearer token
 * {@code playerdesk.metrics.token}, or one calling from {@code playerdesk.metrics.allowed-networks}.
 * With neither set, only a scraper on the same machine (loopback). The figures name games, queues
 * and load: not for anyone on the internet.
 */
final class MetricsScrape implements AuthorizationManager<RequestAuthorizationContext> {

    /**
     * @param token the bearer token a scraper sends ({@code Authorization: Bearer <token>})
     * @param allowedNetworks addresses or CIDR ranges a scraper may call from without the token
     */
    @ConfigurationProperties("playerdesk.metrics")
    record Settings(String token, List<String> allowedNetworks) {

        Settings {
            token = token == null || token.isBlank() ? null : token.strip();
            allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        }
    }

    private final byte[] token;
    private final List<AddressRange> networks;

    MetricsScrape(Settings settings) {
        this.token = settings.token() == null ? null : settings.token().getBytes(StandardCharsets.UTF_8);
        this.networks = settings.allowedNetworks().stream().filter(n -> !n.isBlank())
                .map(n -> AddressRange.parse(n.strip()).orElseThrow(
                        () -> new IllegalArgumentException("playerdesk.metrics.allowed-networks: not an address: " + n)))
                .toList();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        String header = context.getRequest().getHeader("Authorization");
        if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return new AuthorizationDecision(true);
        }
        InetAddress from;
        try {
            from = InetAddress.getByName(context.getRequest().getRemoteAddr()); // a literal: no lookup
        } catch (UnknownHostException e) {
            return new AuthorizationDecision(false);
        }
        if (token == null && networks.isEmpty()) {
            return new AuthorizationDecision(from.isLoopbackAddress());
        }
        return new AuthorizationDecision(networks.stream().anyMatch(n -> n.contains(from)));
    }
}
