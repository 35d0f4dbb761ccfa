package org.playerdesk.playbook.internal;

import jakarta.persistence.Converter;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.playbook.DataKind;
import org.playerdesk.system.entity.CodedConverter;
import org.playerdesk.ticket.TicketType;

/** Playbook enums are stored by their codes. */
final class Converters {

    private Converters() {
    }

    @Converter
    static class Data extends CodedConverter<DataKind> {
        Data() {
            super(DataKind.class);
        }
    }

    @Converter
    static class Action extends CodedConverter<ActionKind> {
        Action() {
            super(ActionKind.class);
        }
    }

    @Converter
    static class Type extends CodedConverter<TicketType> {
        Type() {
            super(TicketType.class);
        }
    }
}
