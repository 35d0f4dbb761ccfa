package org.playerdesk.enforcement.internal;

import jakarta.persistence.Converter;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.Penalty;
import org.playerdesk.system.CodedConverter;

/** Enforcement enums are stored by their codes. */
final class Converters {

    private Converters() {
    }

    @Converter
    static class Kind extends CodedConverter<ActionKind> {
        Kind() {
            super(ActionKind.class);
        }
    }

    @Converter
    static class State extends CodedConverter<ActionState> {
        State() {
            super(ActionState.class);
        }
    }

    @Converter
    static class PenaltyKind extends CodedConverter<Penalty> {
        PenaltyKind() {
            super(Penalty.class);
        }
    }
}
