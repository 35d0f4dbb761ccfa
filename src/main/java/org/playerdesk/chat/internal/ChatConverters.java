package org.playerdesk.chat.internal;

import jakarta.persistence.Converter;

import org.playerdesk.chat.ChatStatus;
import org.playerdesk.chat.Presence;
import org.playerdesk.system.entity.CodedConverter;

/** Chat enums are stored by their codes. */
final class ChatConverters {

    private ChatConverters() {
    }

    @Converter
    static class Status extends CodedConverter<ChatStatus> {
        Status() {
            super(ChatStatus.class);
        }
    }

    @Converter
    static class Availability extends CodedConverter<Presence> {
        Availability() {
            super(Presence.class);
        }
    }
}
