package org.playerdesk.insight.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import org.playerdesk.insight.figures.Dimension;

/**
 * What the dashboard breaks its figures down by ({@code by=} in the address): the game, or one of
 * the dimensions the figures keep (a queue is the routing queue a ticket was last routed into).
 */
enum Breakdown {
    GAME(null), SERVER(Dimension.SERVER), CHANNEL(Dimension.CHANNEL), TYPE(Dimension.TYPE),
    PRIORITY(Dimension.PRIORITY), LANGUAGE(Dimension.LANGUAGE), VIP_TIER(Dimension.VIP_TIER),
    LEVEL(Dimension.LEVEL), QUEUE(Dimension.QUEUE), AGENT(Dimension.AGENT);

    /** The figures' dimension; none for a game, whose rows are each game's whole. */
    final Dimension dimension;

    Breakdown(Dimension dimension) {
        this.dimension = dimension;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String labelKey() {
        return "insight.by." + code();
    }

    static Optional<Breakdown> of(String code) {
        return Arrays.stream(values()).filter(b -> b.code().equals(code)).findFirst();
    }
}
