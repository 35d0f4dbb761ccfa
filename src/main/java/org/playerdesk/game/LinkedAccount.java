package org.playerdesk.game;

import java.util.function.UnaryOperator;

/** Another account sharing something with the one asked about: {@code kind} is ip or device. */
public record LinkedAccount(String accountId, String nickname, String kind, String sharedValue) {

    /** The same account with the shared value passed through {@code ipShown} when it is an IP address. */
    public LinkedAccount withIp(UnaryOperator<String> ipShown) {
        return "ip".equals(kind) ? new LinkedAccount(accountId, nickname, kind, ipShown.apply(sharedValue)) : this;
    }
}
