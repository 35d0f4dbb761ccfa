package org.playerdesk.game;

import java.time.Instant;

/** One login to a game account. {@code region} is the place the backend resolved the IP to. */
public record LoginRecord(Instant at, String ip, String device, String region) {

    /** The same login with its IP address as a viewer may see it. */
    public LoginRecord withIp(String shown) {
        return new LoginRecord(at, shown, device, region);
    }
}
