package org.playerdesk.chat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Keeps an agent from new live chats for a while, without the chat module knowing why (the
 * wellbeing module's breaks implement it, so that the dependency runs from there to here). Every
 * pause bean is asked whenever an agent's seat is read: a paused agent is offered no new chat,
 * cannot take one from the queue, and no colleague can hand them one; the chats they hold stay
 * theirs.
 */
public interface ChatPause {

    /** Until when the agent is paused at {@code now}, or empty when they are not. */
    Optional<Instant> pausedUntil(UUID staffId, Instant now);
}
