package org.playerdesk.system.net;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An address range in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or one address. */
public record AddressRange(byte[] network, int bits) {

    /** The range {@code value} names; empty when it is a host name rather than an address. */
    public static Optional<AddressRange> parse(String value) {
        int slash = value.indexOf('/');
        String address = slash < 0 ? value : value.substring(0, slash);
        if (!address.contains(":") && !address.matches("[0-9.]+")) {
            return Optional.empty(); // a host name
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress(); // a literal: no lookup
            int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(value.substring(slash + 1));
            if (bits < 0 || bits > bytes.length * 8) {
                throw new IllegalArgumentException("not an address range: " + value);
            }
            return Optional.of(new AddressRange(bytes, bits));
        } catch (UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not an address range: " + value, e);
        }
    }

    /** Whether the address is in the range (an IPv4 range holds no IPv6 address). */
    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int length = bytes.length * 8;
        BigInteger mask = BigInteger.ONE.shiftLeft(length).subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(length - bits).subtract(BigInteger.ONE));
        return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
    }
}
