package org.playerdesk.system.net;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which internal addresses the server may call when an administrator configures one.
 *
 * @param allowedHosts host names (exact, any case), addresses or CIDR ranges ({@code 10.1.0.0/16},
 *        {@code fd00::/8}) that may be called although they are internal: on-premise game backends
 * @param ownPaths paths of this server itself that may be called on loopback at its own port (the
 *        simulated game over HTTP, {@code /simulated-game/})
 */
@ConfigurationProperties("playerdesk.outbound")
public record OutboundProperties(List<String> allowedHosts, List<String> ownPaths) {

    public OutboundProperties {
        allowedHosts = allowedHosts == null ? List.of() : List.copyOf(allowedHosts);
        ownPaths = ownPaths == null ? List.of("/simulated-game/") : List.copyOf(ownPaths);
    }
}
