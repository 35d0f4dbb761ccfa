package org.playerdesk.insight.figures;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the figures are broken down by. {@code ALL} is the game's whole; {@code HOUR} is the
 * weekday and local hour a ticket was created in ({@code 1-09} is Monday 09:00 to 10:00), for the
 * heat map; {@code AGENT} is the assignee of a resolved ticket, the author of a reply, the first
 * responder of a first response; {@code QUEUE} is the routing queue the ticket was last routed into; {@code TAG} and {@code WORD} are a created ticket's tags and the
 * words of its subject and opening message (counted under {@link Metric#CREATED} only).
 */
public enum Dimension {
    ALL("all"), CHANNEL("channel"), TYPE("type"), PRIORITY("priority"), LANGUAGE("language"), VIP_TIER("vip_tier"),
    LEVEL("level"), SERVER("server"), QUEUE("queue"), AGENT("agent"), HOUR("hour"), TAG("tag"), WORD("word");

    private final String code;

    Dimension(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Dimension> of(String code) {
        return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
    }
}
