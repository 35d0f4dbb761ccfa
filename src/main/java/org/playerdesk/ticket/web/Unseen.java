package org.playerdesk.ticket.web;

import java.io.Serializable;
import java.util.LinkedHashSet;
import java.util.List;

import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.MessageView;
import org.playerdesk.ticket.Visibility;

/**
 * Who wrote on the ticket since the reader opened it, and what: the player wrote, a colleague
 * replied or added a note. Shown by name, once per author and kind ({@code ticket.unseen.<what>}).
 * Kept in the session across a redirect, hence serializable.
 */
record Unseen(String what, String name) implements Serializable {

    static List<Unseen> of(List<MessageView> messages) {
        LinkedHashSet<Unseen> unseen = new LinkedHashSet<>();
        for (MessageView message : messages) {
            String what = message.authorKind() == Actor.Kind.PLAYER ? "player"
                    : message.visibility() == Visibility.INTERNAL ? "note" : "reply";
            unseen.add(new Unseen(what, message.authorName()));
        }
        return List.copyOf(unseen);
    }
}
