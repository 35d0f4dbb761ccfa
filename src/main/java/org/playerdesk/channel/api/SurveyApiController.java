package org.playerdesk.channel.api;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.GameClient;
import org.playerdesk.survey.SurveyChannel;
import org.playerdesk.survey.SurveyInvite;
import org.playerdesk.survey.SurveyRefused;
import org.playerdesk.survey.Surveys;
import org.playerdesk.system.errors.ErrorTexts;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.errors.ProblemDetailsAdvice;
import org.playerdesk.ticket.TicketQueries;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The satisfaction survey of a ticket through the game API, so that the game can ask it in the
 * game: read it (with the signed token an answer carries back), answer it once. A token not signed
 * by PlayerDesk, or of another ticket, is 403; a survey past its time 410; one answered already
 * 409; each a problem with its code, and nothing counted.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Surveys", description = "Satisfaction surveys of resolved tickets, shown in the game.")
@SecurityRequirement(name = GameApiConfiguration.SECURITY_SCHEME)
@ApiResponse(responseCode = "401", description = "No API key, or one that is unknown or revoked.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDocument.class)))
class SurveyApiController {

    private final Surveys surveys;
    private final TicketQueries tickets;
    private final ErrorTexts texts;

    SurveyApiController(Surveys surveys, TicketQueries tickets, ErrorTexts texts) {
        this.surveys = surveys;
        this.tickets = tickets;
        this.texts = texts;
    }

    @GetMapping(path = "/tickets/{id}/survey", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getSurvey", summary = "Read the satisfaction survey of a ticket",
            description = "Once a ticket from the game is resolved and the game's delay has passed, its survey is "
                    + "open: show the question, the scores 1 to 5 and the reasons, and send the answer with the "
                    + "token. Answered and expired surveys are shown as such, without a token.")
    @ApiResponse(responseCode = "200", description = "The survey.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SurveyResponse.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket in this game, or no survey asked in the game "
            + "for it (yet).", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    SurveyResponse survey(@AuthenticationPrincipal GameClient client, @PathVariable UUID id) {
        return SurveyResponse.of(invite(client, id));
    }

    @PostMapping(path = "/tickets/{id}/survey", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "answerSurvey", summary = "Answer the satisfaction survey of a ticket",
            description = "One answer per ticket, whichever channel it comes through; it counts toward the agent "
                    + "who resolved the ticket.")
    @ApiResponse(responseCode = "201", description = "Recorded; the survey as it stands now.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SurveyResponse.class)))
    @ApiResponse(responseCode = "400", description = "Bad input: each bad field is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "403", description = "The token is not one PlayerDesk signed, or not this "
            + "ticket's (code survey.forged).", content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket in this game.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The survey has its answer already (code survey.answered).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "410", description = "The survey's time is over (code survey.expired).",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<SurveyResponse> answer(@AuthenticationPrincipal GameClient client, @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = SurveyRequest.class),
                    examples = @ExampleObject(name = "answer", summary = "Four stars, a little slow",
                            value = "{\"token\": \"…\", \"score\": 4, \"comment\": \"处理很快，谢谢！\", "
                                    + "\"reasons\": [\"slow\"]}")))
            @RequestBody SurveyRequest request) {
        ofGame(client, id);
        List<InvalidInput.FieldError> errors = new ArrayList<>(request.unknownFields());
        if (request.token() == null || request.token().isBlank()) {
            errors.add(new InvalidInput.FieldError("token", "invalid.blank"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        surveys.answer(id, request.token(), request.score(), request.comment(), request.reasons());
        return ResponseEntity.status(HttpStatus.CREATED).body(SurveyResponse.of(invite(client, id)));
    }

    /** Forged 403, expired 410, answered 409, none 404: each with its code and words. */
    @ExceptionHandler(SurveyRefused.class)
    ResponseEntity<ProblemDetail> refused(SurveyRefused refused) {
        HttpStatus status = switch (refused.reason()) {
            case FORGED -> HttpStatus.FORBIDDEN;
            case EXPIRED -> HttpStatus.GONE;
            case ANSWERED -> HttpStatus.CONFLICT;
            case NONE -> HttpStatus.NOT_FOUND;
        };
        ProblemDetail problem = ProblemDetailsAdvice.problem(status, refused.code().replace('.', '-'), "Refused",
                texts.text(refused, ProblemDetailsAdvice.locale()));
        problem.setProperty("code", refused.code());
        return ResponseEntity.status(status).body(problem);
    }

    private SurveyInvite invite(GameClient client, UUID ticketId) {
        ofGame(client, ticketId);
        return surveys.invite(ticketId, SurveyChannel.GAME_API, ProblemDetailsAdvice.locale())
                .orElseThrow(() -> new SurveyRefused(SurveyRefused.Reason.NONE));
    }

    /** Another game's ticket is answered as absent, like one that does not exist. */
    private void ofGame(GameClient client, UUID ticketId) {
        if (!tickets.head(ticketId).gameId().equals(client.gameId())) {
            throw new NotFoundException("ticket", ticketId);
        }
    }
}
