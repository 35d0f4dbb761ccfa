package org.playerdesk.enforcement.internal;

import jakarta.persistence.Converter;

import org.playerdesk.enforcement.ActionKind;
import org.playerdesk.enforcement.ActionState;
import org.playerdesk.enforcement.GroupState;
import org.playerdesk.enforcement.Penalty;
import org.playerdesk.enforcement.Severity;
import org.playerdesk.system.entity.CodedConverter;

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

    @Converter
    static class SeverityKind extends CodedConverter<Severity> {
        SeverityKind() {
            super(Severity.class);
        }
    }

    @Converter
    static class GroupStateKind extends CodedConverter<GroupState> {
        GroupStateKind() {
            super(GroupState.class);
        }
    }
}
