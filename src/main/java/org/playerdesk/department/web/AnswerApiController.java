package org.playerdesk.department.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import org.playerdesk.access.ServerEndpoints;
import org.playerdesk.department.RequestView;
import org.playerdesk.department.Transfers;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.PayloadTooLarge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one-time answer URL a webhook department's system posts its answer to:
 * {@code POST /department-answers/{token}} with {@code {"answer": "...", "answeredBy": "..."}}.
 * The token in the path is the credential; it answers one question once (then 409), an unknown
 * token is 404, a blank or too long answer (or a body that is not such JSON) 400 with the field
 * named, a body over 64 KB 413.
 */
@RestController
@Tag(name = "Department answers", description = "The one-time answer URL of a department question.")
class AnswerApiController {

    private final Transfers transfers;
    private final JsonMapper json;

    AnswerApiController(Transfers transfers, JsonMapper json) {
        this.transfers = transfers;
        this.json = json;
    }

    @Schema(name = "DepartmentAnswer")
    record Answer(@Schema(requiredMode = REQUIRED, maxLength = 4000, example = "已于今日 12:00 全服发放。") String answer,
            @Schema(description = "Who answered, shown with the answer (shortened to 150 characters).",
                    example = "运营 小王")
            String answeredBy) {
    }

    @Schema(name = "DepartmentAnswered")
    record Answered(@Schema(requiredMode = REQUIRED, format = "uuid") String requestId,
            @Schema(requiredMode = REQUIRED, example = "answered") String state,
            @Schema(requiredMode = REQUIRED, description = "Answered after the deadline.") boolean late) {
    }

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    /** An answer is at most 4,000 characters; no honest body comes near this. */
    static final int BODY_MAX = 64 * 1024;

    @PostMapping(path = "/department-answers/{token}", consumes = "application/json", produces = "application/json")
    @Operation(operationId = "answerDepartmentQuestion", summary = "Answer a department question, once",
            description = "The answerUrl of a department webhook (docs/department-webhooks.openapi.yaml): the token "
                    + "in the path is the credential.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = "application/json", schema = @Schema(implementation = Answer.class),
            examples = @ExampleObject(name = "answer", value = """
                    {"answer": "已于今日 12:00 全服发放。", "answeredBy": "运营 小王"}""")))
    @ApiResponse(responseCode = "200", description = "Answered.")
    @ApiResponse(responseCode = "400", description = "The answer is blank or too long, or the body is not such JSON "
            + "(field answer).", content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "404", description = "No question has this token.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "409", description = "Answered already (code department.answered): the URL works once.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "413", description = "The body is larger than 64 KB.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    @ApiResponse(responseCode = "415", description = "The body is not application/json.",
            content = @Content(mediaType = PROBLEM_JSON, schema = @Schema(ref = PROBLEM)))
    Answered answer(@Parameter(description = "The one-time token of the answer URL.") @PathVariable String token,
            HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > BODY_MAX) {
            throw new PayloadTooLarge("invalid.body.tooLarge", BODY_MAX);
        }
        byte[] bytes = request.getInputStream().readNBytes(BODY_MAX + 1);
        if (bytes.length > BODY_MAX) {
            throw new PayloadTooLarge("invalid.body.tooLarge", BODY_MAX);
        }
        Answer body;
        try {
            body = json.readValue(bytes, Answer.class);
        } catch (JacksonException e) {
            throw InvalidInput.of("answer", "invalid.answerBody");
        }
        if (body == null) {
            throw InvalidInput.of("answer", "invalid.blank");
        }
        RequestView answered = transfers.answerByToken(token, body.answer(), body.answeredBy());
        return new Answered(answered.id().toString(), answered.state().code(), answered.overdue()
                || answered.answeredAt().isAfter(answered.dueAt()));
    }

    /** A department's system answers with its one-time token: a server-to-server endpoint, only this path. */
    @Configuration(proxyBeanMethods = false)
    static class Endpoints {

        @Bean
        ServerEndpoints departmentAnswerEndpoints() {
            return ServerEndpoints.of("/department-answers/**");
        }
    }

}
