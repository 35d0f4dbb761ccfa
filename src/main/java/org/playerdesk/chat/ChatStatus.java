package org.playerdesk.chat;

import java.util.Map;
import java.util.Set;

import org.playerdesk.system.entity.Coded;
import org.playerdesk.system.errors.RuleViolation;

/**
 * A chat's life: the bot may first offer an article that answers the player's first message
 * ({@code bot}); the chat ends there when the player says it solved the problem, else it joins
 * the queue. It waits in the queue until an agent accepts it, then it is active until either
 * side ends it (or waits again when its agent is disabled). A chat nobody could take (outside service hours, or no agent free within the
 * game's wait) becomes a ticket: its messages stay on the ticket and the answer comes there.
 */
public enum ChatStatus implements Coded {
    BOT("bot"), WAITING("waiting"), ACTIVE("active"), ENDED("ended"), TICKET("ticket");

    private static final Map<ChatStatus, Set<ChatStatus>> NEXT = Map.of(
            // solved by the bot's answer (or left), or on to the queue
            BOT, Set.of(ENDED, WAITING),
            WAITING, Set.of(ACTIVE, ENDED, TICKET),
            // back in the queue: the agent who had it was disabled (a leaver)
            ACTIVE, Set.of(ENDED, WAITING),
            ENDED, Set.of(),
            TICKET, Set.of(ENDED));

    private final String code;

    ChatStatus(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean open() {
        return this == BOT || this == WAITING || this == ACTIVE;
    }

    /** Refuses a step this state machine does not allow. */
    public ChatStatus moveTo(ChatStatus next) {
        if (!NEXT.get(this).contains(next)) {
            throw new RuleViolation("chat.status.refused", "a " + code + " chat cannot become " + next.code, code,
                    next.code);
        }
        return next;
    }
}
