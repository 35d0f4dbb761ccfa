package org.playerdesk.channel.api;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of every error answer (RFC 9457 problem details), written down for the API document
 * only; the answers themselves come from the application's one problem-details handler.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json.")
record ProblemDocument(
        @Schema(requiredMode = REQUIRED, format = "uri", example = "https://playerdesk.org/problems/invalid-input")
        String type,
        @Schema(requiredMode = REQUIRED, example = "Invalid input") String title,
        @Schema(requiredMode = REQUIRED, example = "400") int status,
        @Schema(requiredMode = REQUIRED, example = "type: Unknown value \"bgu\"; valid values: consultation, complaint, …",
                description = "For a person; bad input, refusals, not-found, too-large and a reused "
                        + "Idempotency-Key in the language of Accept-Language (zh-CN, the default, or en).")
        String detail,
        @Schema(description = "The request path, when known.") String instance,
        @Schema(description = "Bad input only: each bad field and what is wrong with it.") List<FieldProblem> errors,
        @Schema(description = "Refusals (409) only: the rule that refused, e.g. ticket.closed.") String code) {

    @Schema(name = "FieldProblem")
    record FieldProblem(@Schema(requiredMode = REQUIRED, example = "player.accountId") String field,
            @Schema(requiredMode = REQUIRED, example = "Please write something.",
                    description = "What is wrong, in the language of Accept-Language.") String message) {
    }
}
