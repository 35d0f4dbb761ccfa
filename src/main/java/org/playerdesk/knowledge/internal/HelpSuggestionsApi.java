package org.playerdesk.knowledge.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.playerdesk.game.GameCatalog;
import org.playerdesk.game.GameInfo;
import org.playerdesk.knowledge.ArticleSearch;
import org.playerdesk.system.locale.Locales;
import org.playerdesk.system.errors.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The help center's JSON: up to three published public articles for what the player is typing
 * into the ticket form, in the reader's language (the help center's locale: {@code lang},
 * the cookie, or Accept-Language). Errors are problem details, as for every JSON endpoint.
 */
@RestController
@Tag(name = "Help center", description = "What the help center's pages ask for while a player writes.")
class HelpSuggestionsApi {

    static final int SUGGESTIONS = 3;

    private final GameCatalog games;
    private final ArticleSearch search;

    HelpSuggestionsApi(GameCatalog games, ArticleSearch search) {
        this.games = games;
        this.search = search;
    }

    @Schema(name = "ArticleSuggestion")
    record Suggestion(@Schema(requiredMode = REQUIRED) UUID id,
            @Schema(requiredMode = REQUIRED, example = "充值未到账怎么办") String title,
            @Schema(requiredMode = REQUIRED, description = "An excerpt as HTML: text escaped, the matches in <mark>.")
            String snippet,
            @Schema(requiredMode = REQUIRED, description = "The article's page, marked as opened from the form.",
                    example = "/help/demo/articles/0193…?from=form") String url) {
    }

    @GetMapping(path = "/help/{game}/articles/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "suggestArticles", summary = "Articles for what the player is typing",
            description = "Up to three published public articles of the game, best first; none for a blank query. "
                    + "Limited per client address (429 with Retry-After).")
    @ApiResponse(responseCode = "200", description = "The suggestions, possibly none.", content = @Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE, array = @ArraySchema(schema = @Schema(implementation = Suggestion.class))))
    @ApiResponse(responseCode = "404", description = "No such game.", content = @Content(
            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "429", description = "Too many requests from this address; retry after the seconds in "
            + "Retry-After.", headers = @Header(name = "Retry-After", schema = @Schema(type = "string")),
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<List<Suggestion>> suggestions(@Parameter(description = "The game's code.", example = "demo")
            @PathVariable String game,
            @Parameter(description = "What the player has typed.", example = "充值 没到账")
            @RequestParam(required = false) String q, Locale locale) {
        GameInfo info = games.byCode(game).orElseThrow(() -> new NotFoundException("game", game));
        List<Suggestion> hits = search.search(info.id(), Locales.tag(locale), q, false, SUGGESTIONS).stream()
                .map(hit -> new Suggestion(hit.id(), hit.title(), hit.snippetHtml(),
                        "/help/" + info.code() + "/articles/" + hit.id() + "?from=form"))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(hits);
    }
}
