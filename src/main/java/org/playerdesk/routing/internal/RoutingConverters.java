package org.playerdesk.routing.internal;

import org.playerdesk.routing.AgentTier;
import org.playerdesk.routing.RoutingStrategy;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.ticket.SupportLevel;
import org.playerdesk.ticket.TicketChannel;
import org.playerdesk.ticket.TicketType;

import jakarta.persistence.Converter;

/** Routing's enums and the ticket's codes it matches on are stored by their codes. */
final class RoutingConverters {

    private RoutingConverters() {
    }

    @Converter
    static class Strategy extends CodedConverter<RoutingStrategy> {
        Strategy() {
            super(RoutingStrategy.class);
        }
    }

    @Converter
    static class Tier extends CodedConverter<AgentTier> {
        Tier() {
            super(AgentTier.class);
        }
    }

    @Converter
    static class Level extends CodedConverter<SupportLevel> {
        Level() {
            super(SupportLevel.class);
        }
    }

    @Converter
    static class Channel extends CodedConverter<TicketChannel> {
        Channel() {
            super(TicketChannel.class);
        }
    }

    @Converter
    static class Type extends CodedConverter<TicketType> {
        Type() {
            super(TicketType.class);
        }
    }
}
