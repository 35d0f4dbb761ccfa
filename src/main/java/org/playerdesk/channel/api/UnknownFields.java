package org.playerdesk.channel.api;

import java.util.Map;

import org.playerdesk.system.validation.FieldErrors;
import org.playerdesk.system.validation.Texts;

/** Names the fields of a request the API does not know, so that a misspelt field is not lost quietly. */
final class UnknownFields {

    /** Enough to point at the mistake; a body full of strange names is not echoed back whole. */
    private static final int REPORTED_MAX = 20;

    private UnknownFields() {
    }

    static void check(Map<String, Object> unknown, String prefix, FieldErrors errors) {
        if (unknown == null) {
            return;
        }
        unknown.keySet().stream().limit(REPORTED_MAX)
                .forEach(name -> errors.add(prefix + Texts.abbreviate(name, 64), "invalid.unknownField"));
    }
}
