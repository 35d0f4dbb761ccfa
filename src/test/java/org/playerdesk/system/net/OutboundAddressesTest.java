package org.playerdesk.system.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which addresses a configured call may go to, and what the allow-list opens. */
class OutboundAddressesTest {

    static OutboundAddresses guard(String... allowed) {
        return new OutboundAddresses(new OutboundProperties(List.of(allowed), null),
                new MockEnvironment().withProperty("server.port", "8080"));
    }

    @Test
    void refusesTheServersOwnNetworkInEveryForm() throws Exception {
        for (String address : List.of("127.0.0.1", "127.8.9.10", "0.0.0.0", "10.1.2.3", "172.16.0.1",
                "172.31.255.255", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "224.0.0.1",
                "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1",
                "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
                "2002:7f00:1::1")) {
            assertThat(OutboundAddresses.internal(InetAddress.getByName(address))).as(address).isTrue();
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                "::ffff:8.8.8.8")) {
            assertThat(OutboundAddresses.internal(InetAddress.getByName(address))).as(address).isFalse();
        }
    }

    @Test
    void refusesAnInternalAddressWhenSavedAndWhenCalled() {
        OutboundAddresses guard = guard();
        assertThat(guard.refusal("http://169.254.169.254/latest/meta-data/")).contains(OutboundAddresses.REFUSED);
        assertThat(guard.refusal("http://[::ffff:a9fe:a9fe]/")).contains(OutboundAddresses.REFUSED);
        assertThat(guard.refusal("http://[fd00::1]:8080/game")).contains(OutboundAddresses.REFUSED);
        assertThat(guard.refusal("https://10.0.0.5/hooks")).contains(OutboundAddresses.REFUSED);
        assertThat(guard.refusal("http://8.8.8.8/hooks")).isEmpty();
        // a name is resolved: one that points at loopback is refused when called
        assertThatThrownBy(() -> guard.check(URI.create("http://localhost:9000/hooks")))
                .isInstanceOf(RefusedAddress.class).hasMessageContaining("localhost");
    }

    @Test
    void theAllowListOpensNamedHostsAndRanges() throws Exception {
        OutboundAddresses guard = guard("10.20.0.0/16", "game-backend.internal", "fd00::/8");
        assertThat(guard.refusal("http://10.20.3.4:8443/api")).isEmpty();
        assertThat(guard.refusal("http://10.21.3.4:8443/api")).contains(OutboundAddresses.REFUSED);
        assertThat(guard.refusal("http://[fd00::7]/api")).isEmpty();
        assertThat(guard.refusal("http://[fc00::7]/api")).contains(OutboundAddresses.REFUSED);
        guard.check(URI.create("http://GAME-BACKEND.internal/api")); // named: not even resolved
    }

    @Test
    void theServersOwnSimulatedGameIsAllowedOnItsOwnPortOnly() throws Exception {
        OutboundAddresses guard = guard();
        guard.check(URI.create("http://127.0.0.1:8080/simulated-game/fantasy/health"));
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8080/actuator/prometheus")))
                .isInstanceOf(RefusedAddress.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8080/simulated-game/../actuator/prometheus")))
                .isInstanceOf(RefusedAddress.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:8080/simulated-game/%2e%2e/actuator")))
                .isInstanceOf(RefusedAddress.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://127.0.0.1:6379/simulated-game/x")))
                .isInstanceOf(RefusedAddress.class);
        assertThatThrownBy(() -> guard.check(URI.create("http://10.0.0.1:8080/simulated-game/x")))
                .isInstanceOf(RefusedAddress.class);
    }
}
