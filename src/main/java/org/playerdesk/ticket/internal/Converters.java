package org.playerdesk.ticket.internal;

import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.ticket.Actor;
import org.playerdesk.ticket.SavedView;
import org.playerdesk.ticket.SlaState;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketPriority;
import org.playerdesk.ticket.TicketStatus;
import org.playerdesk.ticket.TicketType;
import org.playerdesk.ticket.Visibility;

import jakarta.persistence.Converter;

/** Ticket enums are stored by their codes. */
final class Converters {

    private Converters() {
    }

    @Converter
    static class Type extends CodedConverter<TicketType> {
        Type() {
            super(TicketType.class);
        }
    }

    @Converter
    static class Channel extends CodedConverter<TicketChannel> {
        Channel() {
            super(TicketChannel.class);
        }
    }

    @Converter
    static class Priority extends CodedConverter<TicketPriority> {
        Priority() {
            super(TicketPriority.class);
        }
    }

    @Converter
    static class Status extends CodedConverter<TicketStatus> {
        Status() {
            super(TicketStatus.class);
        }
    }

    @Converter
    static class Seen extends CodedConverter<Visibility> {
        Seen() {
            super(Visibility.class);
        }
    }

    @Converter
    static class ActorKind extends CodedConverter<Actor.Kind> {
        ActorKind() {
            super(Actor.Kind.class);
        }
    }

    @Converter
    static class Sla extends CodedConverter<SlaState> {
        Sla() {
            super(SlaState.class);
        }
    }

    @Converter
    static class Level extends CodedConverter<SupportLevel> {
        Level() {
            super(SupportLevel.class);
        }
    }

    @Converter
    static class Audience extends CodedConverter<SavedView.Audience> {
        Audience() {
            super(SavedView.Audience.class);
        }
    }
}
