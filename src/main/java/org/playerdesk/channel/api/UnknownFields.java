package org.playerdesk.channel.api;

import java.util.List;
import java.util.Map;

import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.validation.Texts;

/** Names the fields of a request the API does not know, so that a misspelt field is not lost quietly. */
final class UnknownFields {

    /** Enough to point at the mistake; a body full of strange names is not echoed back whole. */
    private static final int REPORTED_MAX = 20;

    private UnknownFields() {
    }

    /**
     * The names are not known before the request arrives, so no constraint on a field can name
     * them: each becomes its own field error.
     */
    static List<InvalidInput.FieldError> of(Map<String, Object> unknown, String prefix) {
        if (unknown == null) {
            return List.of();
        }
        return unknown.keySet().stream().limit(REPORTED_MAX)
                .map(name -> new InvalidInput.FieldError(prefix + Texts.abbreviate(name, 64), "invalid.unknownField"))
                .toList();
    }
}
