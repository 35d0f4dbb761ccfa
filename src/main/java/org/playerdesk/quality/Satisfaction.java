package org.playerdesk.quality;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The players' satisfaction scores (1 to 5) of tickets, where they answered: QA sampling draws a
 * conversation with a low score before the rest. Implemented by the module that asks the players.
 */
public interface Satisfaction {

    /** A score this low or lower is low. */
    int LOW = 2;

    Map<UUID, Integer> scores(Collection<UUID> ticketIds);
}
