package org.playerdesk.channel.api;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.playerdesk.access.GameClient;
import org.playerdesk.privacy.PrivacyRequests;
import org.playerdesk.system.errors.InvalidInput;
import org.playerdesk.system.errors.NotFoundException;
import org.playerdesk.system.signing.Hashes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
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
 * Players' data requests (PIPL / GDPR) through the game API: the game passes on a player's request
 * for a copy of their data or its erasure, and reads where it stands. Support fulfils it by the
 * game's deadline; the copy is handed over by support, never through the API.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Data requests", description = "Players' requests for a copy of their data or its erasure.")
@SecurityRequirement(name = GameApiConfiguration.SECURITY_SCHEME)
@ApiResponse(responseCode = "401", description = "No API key, or one that is unknown or revoked.",
        content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                schema = @Schema(implementation = ProblemDocument.class)))
class PrivacyApiController {

    private final PrivacyRequests requests;

    PrivacyApiController(PrivacyRequests requests) {
        this.requests = requests;
    }

    @PostMapping(path = "/privacy-requests", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "requestPlayerData", summary = "Pass on a player's data request",
            description = "Records the player's request for a copy of their data (export) or its erasure (erase), "
                    + "due by the game's deadline (15 days unless the game set another). Send an Idempotency-Key "
                    + "to retry safely: the same key with the same request answers the request the first attempt "
                    + "made, again with 201 and the header Idempotent-Replayed: true.")
    @ApiResponse(responseCode = "201", description = "Recorded (or replayed for the same Idempotency-Key).",
            headers = { @Header(name = "Location", description = "The request's URL.", schema = @Schema(type = "string")),
                    @Header(name = GameApiController.REPLAYED, description = "true when an earlier request with the "
                            + "same key made it.", schema = @Schema(type = "boolean")) },
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @ApiResponse(responseCode = "400", description = "Bad input: each bad field is named under errors.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before for a different request.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    ResponseEntity<PrivacyRequestResponse> request(@AuthenticationPrincipal GameClient client,
            @Parameter(in = ParameterIn.HEADER, name = GameApiController.IDEMPOTENCY_KEY, required = false,
                    description = "1 to 128 visible ASCII characters, unique per request the game means to pass on.",
                    schema = @Schema(type = "string", minLength = 1, maxLength = 128,
                            example = "0b9e6a52-5d1c-4f8e-9a8e-2f7f3c1d4b6a"))
            @RequestHeader(name = GameApiController.IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PrivacyRequestBody.class),
                    examples = @ExampleObject(name = "export", summary = "A player asks for a copy of their data",
                            value = "{\"kind\": \"export\", \"accountId\": \"10086\"}")))
            @RequestBody PrivacyRequestBody body) {
        List<InvalidInput.FieldError> errors = new ArrayList<>(body.unknownFields());
        if (idempotencyKey != null) {
            InGameIntake.validIdempotencyKey(idempotencyKey, errors);
        }
        errors.addAll(requests.check(body.accountId(), body.kind()));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String hash = idempotencyKey == null ? null : Hashes.sha256(body.canonical());
        PrivacyRequests.Received received = requests.receive(client.gameId(), body.accountId(), body.kind(), "api",
                "game API", idempotencyKey, hash);
        if (received.replayed() && !hash.equals(received.requestHash())) {
            throw new IdempotencyKeyReused();
        }
        return ResponseEntity.created(URI.create("/api/v1/privacy-requests/" + received.request().id()))
                .header(GameApiController.REPLAYED, Boolean.toString(received.replayed()))
                .body(PrivacyRequestResponse.of(received.request()));
    }

    @GetMapping(path = "/privacy-requests/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getPlayerDataRequest", summary = "Read where a player's data request stands",
            description = "Another game's request answers 404, like one that does not exist.")
    @ApiResponse(responseCode = "200", description = "The request.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = PrivacyRequestResponse.class)))
    @ApiResponse(responseCode = "400", description = "The id is not a UUID.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    @ApiResponse(responseCode = "404", description = "No such request in this game.",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDocument.class)))
    PrivacyRequestResponse get(@AuthenticationPrincipal GameClient client, @PathVariable UUID id) {
        return requests.find(client.gameId(), id).map(PrivacyRequestResponse::of)
                .orElseThrow(() -> new NotFoundException("privacy-request", id));
    }
}
