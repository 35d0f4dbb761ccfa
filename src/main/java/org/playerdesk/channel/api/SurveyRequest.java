package org.playerdesk.channel.api;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.playerdesk.system.errors.InvalidInput;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The player's answer to a ticket's survey, passed on by the game server with the survey's token. */
@Schema(name = "SurveyAnswerRequest", description = "A player's answer to the satisfaction survey of a ticket.")
record SurveyRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The token of GET /tickets/{id}/survey, as given.")
        @StrictText.Text String token,
        @Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "5", example = "4",
                description = "1 (very dissatisfied) to 5 (very satisfied).")
        Integer score,
        @Schema(maxLength = 1000, example = "处理很快，谢谢！", description = "Optional; several lines allowed.")
        @StrictText.Text String comment,
        @ArraySchema(schema = @Schema(example = "slow", description = "One of the codes the survey offers."))
        @JsonDeserialize(contentUsing = StrictText.class) List<String> reasons,
        @JsonAnySetter @Schema(hidden = true) Map<String, Object> unknown) {

    SurveyRequest {
        unknown = unknown == null ? new LinkedHashMap<>() : unknown;
    }

    List<InvalidInput.FieldError> unknownFields() {
        return UnknownFields.of(unknown, "");
    }
}
