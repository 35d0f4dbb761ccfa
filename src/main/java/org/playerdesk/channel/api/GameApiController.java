package org.playerdesk.channel.api;

import java.net.URI;
import java.util.UUID;

import org.playerdesk.access.GameClient;
import org.playerdesk.system.errors.ProblemDetailsAdvice;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The game API: a game server reports its players' tickets, reads them back and passes on the
 * players' follow-ups. Errors are problem details (see {@link ProblemDetailsAdvice}).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tickets", description = "Players' tickets, reported and followed by the game server.")
@SecurityRequirement(name = GameApiConfiguration.SECURITY_SCHEME)
@ApiResponse(responseCode = "401", description = "No API key, or one that is unknown or revoked.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDocument.class)))
class GameApiController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final String NEW_TICKET_EXAMPLE = """
            {"player": {"accountId": "10086", "nickname": "风之子", "server": "S12", "role": "法师"},
             "type": "payment", "subject": "充值未到账", "message": "充值 648 元后钻石没有到账。", "priority": "high",
             "contactEmail": "wind@example.com",
             "metadata": {"clientVersion": "2.3.1", "device": "iPhone 15", "zone": "华东一区"}}""";

    private final InGameIntake intake;

    GameApiController(InGameIntake intake) {
        this.intake = intake;
    }

    @PostMapping(path = "/tickets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "openTicket", summary = "Report a player's ticket",
            description = "Opens a ticket for the player, who is matched by account id within the game (and "
                    + "created on first contact). Send an Idempotency-Key to retry safely: the same key with the "
                    + "same request answers the ticket the first attempt made, again with 201 and the header "
                    + "Idempotent-Replayed: true.")
    @ApiResponse(responseCode = "201", description = "Opened (or replayed for the same Idempotency-Key).",
            headers = { @Header(name = "Location", description = "The ticket's URL.", schema = @Schema(type = "string")),
                    @Header(name = REPLAYED, description = "true when an earlier request with the same key made it.",
                            schema = @Schema(type = "boolean")) })
    @ApiResponse(responseCode = "400", description = "Bad input: each bad field is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "The request collided with a concurrent one and nothing was "
            + "stored (code api.concurrent-request): send it again.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResponse> open(@AuthenticationPrincipal GameClient client,
            @Parameter(in = ParameterIn.HEADER, name = IDEMPOTENCY_KEY, required = false,
                    description = "1 to 128 visible ASCII characters, unique per ticket the game means to open "
                            + "(a UUID is a good choice).",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128, example = "7d3f0c1e-6a8b-4c2d-9e1f-0a1b2c3d4e5f"))
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = OpenTicketRequest.class),
                    examples = @ExampleObject(name = "payment", summary = "A recharge that did not arrive",
                            value = NEW_TICKET_EXAMPLE)))
            @RequestBody OpenTicketRequest request) {
        InGameIntake.Intake intake = this.intake.open(client.gameId(), request, idempotencyKey);
        return ResponseEntity.created(ticketUrl(intake.ticket().id()))
                .header(REPLAYED, Boolean.toString(intake.replayed()))
                .body(intake.ticket());
    }

    @GetMapping(path = "/tickets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getTicket", summary = "Read a ticket with its public conversation",
            description = "Internal notes and the ticket's history are never included. Another game's ticket "
                    + "answers 404, like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The ticket.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TicketResponse.class)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket in this game.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    TicketResponse ticket(@AuthenticationPrincipal GameClient client, @PathVariable UUID id) {
        return intake.ticket(client.gameId(), id);
    }

    @PostMapping(path = "/tickets/{id}/messages", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "followUp", summary = "Add the player's follow-up to their ticket",
            description = "A follow-up on a resolved ticket reopens it; a closed ticket takes no more messages "
                    + "(409): the player opens a new ticket.")
    @ApiResponse(responseCode = "201", description = "The follow-up as stored.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TicketResponse.Message.class)))
    @ApiResponse(responseCode = "400", description = "Bad input: each bad field is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such ticket in this game.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "409", description = "Refused: the ticket is closed (code ticket.closed); or it "
            + "changed at the same moment (code changed-meanwhile): send it again.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<TicketResponse.Message> followUp(@AuthenticationPrincipal GameClient client,
            @PathVariable UUID id,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = FollowUpRequest.class),
                    examples = @ExampleObject(name = "followUp", summary = "The player writes again",
                            value = "{\"message\": \"还是没有到账，请尽快处理。\"}")))
            @RequestBody FollowUpRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(intake.followUp(client.gameId(), id, request));
    }

    @GetMapping(path = "/players/{accountId}/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "playerTickets", summary = "List a player's tickets, newest first",
            description = "Tickets of the player with this account id in this game, without metadata and "
                    + "messages. An account support has never heard of has no tickets.")
    @ApiResponse(responseCode = "200", description = "One page of tickets.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = TicketPage.class)))
    @ApiResponse(responseCode = "400", description = "Bad account id, page or size.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    TicketPage playerTickets(@AuthenticationPrincipal GameClient client,
            @Parameter(description = "The player's account id in the game.",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 64, example = "10086"))
            @PathVariable String accountId,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = "integer", format = "int32", minimum = "0", maximum = "10000",
                    defaultValue = "0"))
            @RequestParam(required = false) Integer page,
            @Parameter(description = "Tickets per page.",
                    schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "100",
                            defaultValue = "20"))
            @RequestParam(required = false) Integer size) {
        return intake.playerTickets(client.gameId(), accountId, page, size);
    }

    private static URI ticketUrl(UUID id) {
        return URI.create("/api/v1/tickets/" + id);
    }
}
