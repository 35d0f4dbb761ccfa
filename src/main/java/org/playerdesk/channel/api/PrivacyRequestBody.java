package org.playerdesk.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.playerdesk.system.errors.InvalidInput;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A player's data request, passed on by the game server. */
@Schema(name = "NewPrivacyRequest", description = "A player's request for their data: a copy, or its erasure.")
record PrivacyRequestBody(
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "export", "erase" }, example = "export",
                description = "export: a copy of everything support keeps about the player; erase: its erasure "
                        + "(carried out by support after checking the player's identity).")
        @StrictText.Text String kind,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64, example = "10086",
                description = "The player's account id in the game.")
        @StrictText.Text String accountId,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    PrivacyRequestBody {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    List<InvalidInput.FieldError> unknownFields() {
        return UnknownFields.of(unknown, "");
    }

    /** The request as hashed for its Idempotency-Key: the same request, written any way, has one hash. */
    String canonical() {
        return (kind == null ? "" : kind.strip()) + "\n" + (accountId == null ? "" : accountId.strip());
    }
}
