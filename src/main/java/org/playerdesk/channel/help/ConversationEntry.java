package org.playerdesk.channel.help;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.AttachmentView;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Visibility;

/**
 * One public message as the player sees it: their own words, or an answer from support signed
 * with the agent's display name.
 */
record ConversationEntry(boolean fromPlayer, String supportName, String body, ZonedDateTime sentAt,
        List<AttachmentView> attachments) {

    static ConversationEntry of(MessageView message, ZoneId zone) {
        boolean fromPlayer = message.authorKind() == Actor.Kind.PLAYER;
        String supportName = message.authorKind() == Actor.Kind.AGENT ? message.authorName() : null;
        return new ConversationEntry(fromPlayer, supportName, message.body(), message.createdAt().atZone(zone),
                message.attachments().stream().filter(a -> a.visibility() == Visibility.PUBLIC).toList());
    }
}
