package org.playerdesk.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.playerdesk.system.errors.InvalidInput;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** What a player adds to their ticket, passed on by the game server. */
@Schema(name = "FollowUp", description = "A player's follow-up message.")
record FollowUpRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 20000, example = "还是没有到账，请尽快处理。")
        @StrictText.Text String message,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    FollowUpRequest {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    List<InvalidInput.FieldError> unknownFields() {
        return UnknownFields.of(unknown, "");
    }
}
