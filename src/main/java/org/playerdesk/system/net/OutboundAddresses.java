package org.playerdesk.system.net;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one guard in front of every call to an address an administrator configured: a game
 * backend, a department or digest webhook, a social platform, an SMS gateway. An address is
 * refused when its host resolves to any address of the server's own network (loopback, "any",
 * link-local such as 169.254.169.254, private 10/8 172.16/12 192.168/16, shared 100.64/10, IPv6
 * unique-local fc00::/7, multicast, and their IPv4-mapped forms), unless
 * {@code playerdesk.outbound.allowed-hosts} names the host or a range holding the address.
 * <p>
 * It is asked twice: when the address is saved ({@link #refusal}, a field error) and before each
 * connection ({@link #check}), so a name that later resolves elsewhere (DNS rebinding) is refused
 * then. The check resolves through the JVM's address cache, from which the connection that follows
 * takes its address, so the connection goes to the address checked.
 */
@Component
@EnableConfigurationProperties(OutboundProperties.class)
public class OutboundAddresses {

    /** The message key of the field error when an address is refused. */
    public static final String REFUSED = "invalid.url.internal";

    private final List<String> allowedNames = new ArrayList<>();
    private final List<AddressRange> allowedRanges = new ArrayList<>();
    private final List<String> ownPaths;
    private final Environment environment;

    public OutboundAddresses(OutboundProperties properties, Environment environment) {
        this.environment = environment;
        this.ownPaths = properties.ownPaths();
        for (String entry : properties.allowedHosts()) {
            String value = entry.strip();
            if (value.isEmpty()) {
                continue;
            }
            Optional<AddressRange> range = AddressRange.parse(value);
            if (range.isPresent()) {
                allowedRanges.add(range.get());
            } else {
                allowedNames.add(value.toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Why a configured address may not be called, as a message key ({@link #REFUSED}), or empty.
     * A host that does not resolve now is not refused here: it is checked again on each call.
     */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the caller's own address check says what is wrong
        }
        try {
            check(uri);
            return Optional.empty();
        } catch (RefusedAddress e) {
            return Optional.of(REFUSED);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Refuses a call to {@code uri} unless every address its host resolves to may be called. */
    public void check(URI uri) throws IOException {
        String host = uri.getHost();
        if (host == null) {
            throw new UnknownHostException("no host in the address");
        }
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (allowedNames.contains(name.toLowerCase(Locale.ROOT))) {
            return;
        }
        InetAddress[] addresses = InetAddress.getAllByName(name);
        boolean own = ownServer(uri);
        for (InetAddress address : addresses) {
            if (internal(address) && !allowedRange(address) && !(own && address.isLoopbackAddress())) {
                throw new RefusedAddress(host);
            }
        }
    }

    private boolean allowedRange(InetAddress address) {
        return allowedRanges.stream().anyMatch(range -> range.contains(address));
    }

    /** A path of this server's own (the simulated game) at its own port. */
    private boolean ownServer(URI uri) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        int uriPort = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!String.valueOf(uriPort).equals(port) || uri.getRawPath() == null) {
            return false;
        }
        String path = uri.normalize().getPath();
        return !uri.getRawPath().contains("%") && !path.contains("..")
                && ownPaths.stream().anyMatch(own -> !own.isBlank() && path.startsWith(own));
    }

    /** Whether the address belongs to the server's own network rather than the internet. */
    static boolean internal(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] bytes = address.getAddress();
            // IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::/96) forms
            if (prefixZero(bytes, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff
                    || prefixZero(bytes, 12)
                    || (bytes[0] == 0x00 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
                            && prefixZero(bytes, 12, 4))) {
                try {
                    byte[] v4 = {bytes[12], bytes[13], bytes[14], bytes[15]};
                    return internal(InetAddress.getByAddress(v4)) || prefixZero(bytes, 16);
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            // 6to4 (2002::/16) carries an IPv4 address too
            if (bytes[0] == 0x20 && bytes[1] == 0x02) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {bytes[2], bytes[3], bytes[4], bytes[5]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                    || address.isSiteLocalAddress() || address.isMulticastAddress()
                    || (bytes[0] & 0xfe) == 0xfc; // unique-local fc00::/7
        }
        byte[] b = address.getAddress();
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()
                || first == 0 // "this network"
                || (first == 100 && second >= 64 && second <= 127) // shared (CGNAT) 100.64/10
                || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments 192.0.0/24
                || (first == 198 && (second == 18 || second == 19)) // benchmarking 198.18/15
                || first >= 240; // reserved and broadcast
    }

    private static boolean prefixZero(byte[] bytes, int length) {
        return prefixZero(bytes, length, 0);
    }

    private static boolean prefixZero(byte[] bytes, int end, int from) {
        for (int i = from; i < end; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
