package org.playerdesk.channel.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.playerdesk.survey.ReasonCode;
import org.playerdesk.survey.SurveyAnswer;
import org.playerdesk.survey.SurveyInvite;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** A ticket's satisfaction survey as the game shows it in the game. */
@Schema(name = "Survey", description = "The satisfaction survey of a resolved ticket, in the language of "
        + "Accept-Language.")
@JsonInclude(JsonInclude.Include.NON_NULL)
record SurveyResponse(
        @Schema(requiredMode = RequiredMode.REQUIRED) UUID ticketId,
        @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "open", "answered", "expired" },
                description = "open: waiting for the player's answer; answered; expired: its time is over.")
        String state,
        @Schema(requiredMode = RequiredMode.REQUIRED, example = "您对本次客服的服务满意吗？请为我们打分（1–5 分，5 分为非常满意）。")
        String question,
        @Schema(requiredMode = RequiredMode.REQUIRED, description = "The reasons the player may tick.")
        List<Reason> reasons,
        @Schema(description = "Until when it may be answered.") Instant expiresAt,
        @Schema(description = "Send it back with the answer; only while the survey is open.") String token,
        @Schema(description = "The player's answer, once given.") Answer answer) {

    @Schema(name = "SurveyReason")
    record Reason(@Schema(requiredMode = RequiredMode.REQUIRED, example = "slow",
            allowableValues = { "slow", "unfriendly", "wording", "unhelpful", "not-solved", "game-issue" }) String code,
            @Schema(requiredMode = RequiredMode.REQUIRED, example = "等待时间太长") String label) {
    }

    @Schema(name = "SurveyAnswer")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Answer(@Schema(requiredMode = RequiredMode.REQUIRED, minimum = "1", maximum = "5") int score,
            String comment,
            @Schema(requiredMode = RequiredMode.REQUIRED) List<String> reasons,
            @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = { "help_center", "game_api", "email",
                    "live_chat" }, description = "Where the answer came from.") String channel,
            @Schema(requiredMode = RequiredMode.REQUIRED) Instant answeredAt) {

        static Answer of(SurveyAnswer answer) {
            return new Answer(answer.score(), answer.comment(), answer.reasons().stream().map(ReasonCode::code).toList(),
                    answer.via().code(), answer.answeredAt());
        }
    }

    static SurveyResponse of(SurveyInvite invite) {
        return new SurveyResponse(invite.ticketId(), invite.state().code(), invite.question(),
                invite.reasons().stream().map(r -> new Reason(r.code(), r.label())).toList(), invite.expiresAt(),
                invite.token(), invite.answer() == null ? null : Answer.of(invite.answer()));
    }
}
