package org.playerdesk.system.net;

import java.io.IOException;

/**
 * A call to an address of this server's own network (loopback, private, link-local, ...) that no
 * setting allows. An {@link IOException}, so that a caller treats it like a remote system that does
 * not answer; its message names the host only, never what answers there.
 */
public class RefusedAddress extends IOException {

    public RefusedAddress(String host) {
        super("calls to " + host + " are refused: it is an internal address (playerdesk.outbound.allowed-hosts)");
    }
}
