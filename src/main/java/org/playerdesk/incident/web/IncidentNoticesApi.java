package org.playerdesk.incident.web;

import java.util.List;
import java.util.Locale;

import org.playerdesk.access.GameClient;
import org.playerdesk.incident.HelpNotice;
import org.playerdesk.incident.Incidents;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The in-game feed of outage notices: the calling game's open incidents with a public notice. */
@RestController
@Tag(name = "Notices", description = "Outage notices for the in-game feed.")
@SecurityRequirement(name = "gameApiKey")
class IncidentNoticesApi {

    private final Incidents incidents;

    IncidentNoticesApi(Incidents incidents) {
        this.incidents = incidents;
    }

    @Operation(operationId = "listNotices", summary = "Notices of the game's open incidents",
            description = "Each open incident with a public notice, in the language asked for (lang=en or zh-CN;"
                    + " the other language when the notice has only that one), newest first.")
    @ApiResponse(responseCode = "200", description = "The notices, newest first; an empty list when nothing is open.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array = @ArraySchema(schema = @Schema(implementation = HelpNotice.class))))
    @GetMapping(path = "/api/v1/notices", produces = MediaType.APPLICATION_JSON_VALUE)
    List<HelpNotice> notices(@AuthenticationPrincipal GameClient game,
            @Parameter(description = "The reader's language: zh-CN or en.", schema = @Schema(type = "string",
                    defaultValue = "zh-CN", example = "en"))
            @RequestParam(defaultValue = "zh-CN") String lang) {
        return incidents.notices(game.gameId(), Locale.forLanguageTag(lang));
    }
}
