/**
 * Calls this server makes to addresses an administrator configured (game backends, webhooks,
 * gateways): {@link org.playerdesk.system.net.OutboundAddresses} refuses the server's own network
 * unless allowed by {@code playerdesk.outbound.*}.
 */
@org.springframework.modulith.NamedInterface("net")
package org.playerdesk.system.net;
